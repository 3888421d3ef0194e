package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CortexAuthIT {
  private static final Instant NOW = Instant.parse("2025-05-05T10:00:00Z");

  private static CortexXdrSimulator start(CortexXdrSimulatorOptions options) {
    return CortexXdrSimulator.start(options.withClock(new MutableClock(NOW)));
  }

  private static CortexClient.Response page(CortexClient client) {
    return client.endpoints(0, 5, "endpoint_id", "asc", List.of());
  }

  @Test
  void shouldAcceptAStandardKeySentRaw() {
    try (CortexXdrSimulator simulator = start(CortexXdrSimulatorOptions.defaults(5))) {
      CortexClient.Response response = page(new CortexClient(simulator));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.reply().get("result_count").asInt()).isEqualTo(5);
    }
  }

  @Test
  void shouldAcceptAnAdvancedKeySignedWithNonceAndTimestamp() {
    try (CortexXdrSimulator simulator =
        start(CortexXdrSimulatorOptions.defaults(5).withSecurity(SecurityLevel.ADVANCED))) {
      CortexClient client = new CortexClient(simulator);

      assertThat(page(client).status()).isEqualTo(200);
      assertThat(page(client).status()).isEqualTo(200);
      assertThat(simulator.manifest().get("security").asText()).isEqualTo("advanced");
    }
  }

  @Test
  void shouldRefuseAWrongKeyAndAWrongKeyId() {
    try (CortexXdrSimulator simulator = start(CortexXdrSimulatorOptions.defaults(5))) {
      CortexClient.Response wrongKey =
          page(
              new CortexClient(simulator)
                  .withKey("7", "definitely-not-the-key", SecurityLevel.STANDARD));
      CortexClient.Response wrongId =
          page(
              new CortexClient(simulator)
                  .withKey("8", simulator.options().key(), SecurityLevel.STANDARD));

      assertThat(wrongKey.status()).isEqualTo(401);
      assertThat(wrongKey.reply().get("err_code").asInt()).isEqualTo(401);
      assertThat(wrongKey.reply().get("err_msg").asText()).contains("Unauthorized access");
      assertThat(wrongId.status()).isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseAKeyUsedAtTheOtherSecurityLevel() {
    try (CortexXdrSimulator standard = start(CortexXdrSimulatorOptions.defaults(5));
        CortexXdrSimulator advanced =
            start(CortexXdrSimulatorOptions.defaults(5).withSecurity(SecurityLevel.ADVANCED))) {
      CortexClient.Response hashedStandardKey =
          page(
              new CortexClient(standard)
                  .withKey("7", standard.options().key(), SecurityLevel.ADVANCED));
      CortexClient.Response rawAdvancedKey =
          page(
              new CortexClient(advanced)
                  .withKey("7", advanced.options().key(), SecurityLevel.STANDARD));

      assertThat(hashedStandardKey.status()).isEqualTo(401);
      assertThat(rawAdvancedKey.status()).isEqualTo(401);
      assertThat(rawAdvancedKey.reply().get("err_extra").asText()).contains("x-xdr-nonce");
    }
  }

  @Test
  void shouldRefuseAReplayedNonce() {
    try (CortexXdrSimulator simulator =
        start(CortexXdrSimulatorOptions.defaults(5).withSecurity(SecurityLevel.ADVANCED))) {
      String nonce = "R".repeat(64);
      CortexClient replaying = new CortexClient(simulator).withNonces(() -> nonce);

      CortexClient.Response first = page(replaying);
      CortexClient.Response replay = page(replaying);

      assertThat(first.status()).isEqualTo(200);
      assertThat(replay.status()).isEqualTo(401);
      assertThat(replay.reply().get("err_extra").asText()).contains("already used");
    }
  }

  @Test
  void shouldRefuseStaleOrFutureTimestampsAndMalformedNonces() {
    MutableClock clock = new MutableClock(NOW);
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(5)
                .withSecurity(SecurityLevel.ADVANCED)
                .withClock(clock))) {
      CortexClient client = new CortexClient(simulator);
      String body = CortexClient.requestData("search_from", 0, "search_to", 5).toString();
      long sixMinutes = Duration.ofMinutes(6).toMillis();

      CortexClient.Response stale =
          client.post(EndpointsApi.GET_ENDPOINT, body, clock.millis() - sixMinutes);
      CortexClient.Response future =
          client.post(EndpointsApi.GET_ENDPOINT, body, clock.millis() + sixMinutes);
      CortexClient.Response seconds =
          client.post(EndpointsApi.GET_ENDPOINT, body, clock.millis() / 1000);
      CortexClient.Response withinSkew =
          client.post(EndpointsApi.GET_ENDPOINT, body, clock.millis() - 240_000);
      CortexClient.Response shortNonce =
          new CortexClient(simulator).withNonces(() -> "abc").post(EndpointsApi.GET_ENDPOINT, body);

      assertThat(stale.status()).isEqualTo(401);
      assertThat(stale.reply().get("err_extra").asText()).contains("5 minutes");
      assertThat(future.status()).isEqualTo(401);
      assertThat(seconds.status()).isEqualTo(401);
      assertThat(withinSkew.status()).isEqualTo(200);
      assertThat(shortNonce.status()).isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseRolesWithoutPermissionWith403() {
    try (CortexXdrSimulator custom =
            start(CortexXdrSimulatorOptions.defaults(5).withRole("Read Nothing"));
        CortexXdrSimulator deployment =
            start(CortexXdrSimulatorOptions.defaults(5).withRole("Deployment Admin"))) {
      CortexClient.Response endpoints = page(new CortexClient(custom));
      CortexClient.Response allowedEndpoints = page(new CortexClient(deployment));
      CortexClient.Response xql = new CortexClient(deployment).start(XqlTexts.CVES);

      assertThat(endpoints.status()).isEqualTo(403);
      assertThat(endpoints.reply().get("err_msg").asText()).startsWith("Forbidden access.");
      assertThat(allowedEndpoints.status()).isEqualTo(200);
      assertThat(xql.status()).isEqualTo(403);
    }
  }

  @Test
  void shouldRefuseVulnerabilityQueriesWithoutTheLicenseWith402() {
    try (CortexXdrSimulator simulator =
        start(CortexXdrSimulatorOptions.defaults(5).withVulnerabilityLicense(false))) {
      CortexClient client = new CortexClient(simulator);

      CortexClient.Response query = client.start(XqlTexts.FINDINGS);
      CortexClient.Response endpoints = page(client);

      assertThat(query.status()).isEqualTo(402);
      assertThat(query.reply().get("err_code").asInt()).isEqualTo(402);
      assertThat(query.reply().get("err_msg").asText()).contains("required license");
      assertThat(endpoints.status()).isEqualTo(200);
    }
  }
}
