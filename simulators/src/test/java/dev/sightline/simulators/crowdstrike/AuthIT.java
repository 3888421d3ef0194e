package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthIT {
  private static final String FILTER = "status:'open'";

  @Test
  void shouldRefuseMissingAndUnknownTokensAtTheAnonymousRate() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5))) {
      SimClient anonymous = new SimClient(simulator);
      SimClient forged = new SimClient(simulator);
      forged.useToken("not-a-token");

      SimClient.Response missing = anonymous.get(SpotlightEndpoint.PATH, "filter", FILTER);
      SimClient.Response unknown = forged.get(SpotlightEndpoint.PATH, "filter", FILTER);

      assertThat(missing.status()).isEqualTo(401);
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.body().at("/errors/0/message").asText())
          .isEqualTo("access denied, invalid bearer token");
      assertThat(unknown.body().at("/meta/powered_by").asText())
          .isEqualTo("crowdstrike-api-gateway");
      assertThat(unknown.header("X-RateLimit-Limit")).contains("15");
      assertThat(unknown.header("X-RateLimit-Remaining")).contains("13");
    }
  }

  @Test
  void shouldRateLimitRequestsWithoutAValidTokenAfterFifteenPerMinute() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(5)
                .withClock(new MutableClock(Instant.parse("2025-01-01T00:00:00Z"))))) {
      SimClient anonymous = new SimClient(simulator);
      for (int i = 0; i < 15; i++) {
        assertThat(anonymous.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(401);
      }
      SimClient.Response sixteenth = anonymous.get(SpotlightEndpoint.PATH, "filter", FILTER);

      assertThat(sixteenth.status()).isEqualTo(429);
      assertThat(sixteenth.header("X-RateLimit-RetryAfter"))
          .contains(String.valueOf(Instant.parse("2025-01-01T00:01:00Z").getEpochSecond()));
    }
  }

  @Test
  void shouldExpireTokensAfter1799Seconds() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5).withClock(clock))) {
      SimClient client = new SimClient(simulator).authenticate();
      clock.advance(Duration.ofSeconds(1798));
      int stillValid = client.get(SpotlightEndpoint.PATH, "filter", FILTER).status();
      clock.advance(Duration.ofSeconds(1));
      int expired = client.get(SpotlightEndpoint.PATH, "filter", FILTER).status();

      assertThat(stillValid).isEqualTo(200);
      assertThat(expired).isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseEndpointsOutsideTheClientScopes() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(5)
                .withScopes(Set.of(CrowdStrikeSimulatorOptions.SCOPE_SPOTLIGHT)))) {
      SimClient client = new SimClient(simulator).authenticate();

      SimClient.Response allowed = client.get(SpotlightEndpoint.PATH, "filter", FILTER);
      SimClient.Response denied =
          client.get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'managed'");
      SimClient.Response devices =
          client.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode());

      assertThat(allowed.status()).isEqualTo(200);
      assertThat(denied.status()).isEqualTo(403);
      assertThat(denied.body().at("/errors/0/message").asText())
          .isEqualTo("access denied, scope not permitted");
      assertThat(denied.header("X-RateLimit-Limit")).contains("6000");
      assertThat(devices.status()).isEqualTo(403);
    }
  }

  @Test
  void shouldTellMalformedClientIdsFromWrongCredentials() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(5)
                .withCredentials("0123456789abcdef0123456789abcdef", "s3cr3t"))) {
      SimClient client = new SimClient(simulator);

      SimClient.Response malformed = client.token("client_id=not+valid&client_secret=x");
      SimClient.Response unknown =
          client.token("client_id=fedcba9876543210fedcba9876543210&client_secret=s3cr3t");
      SimClient.Response ok =
          client.token("client_id=0123456789abcdef0123456789abcdef&client_secret=s3cr3t");

      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.body().at("/errors/0/message").asText())
          .isEqualTo("Failed to generate access token for clientID=not valid.");
      assertThat(unknown.status()).isEqualTo(403);
      assertThat(ok.status()).isEqualTo(201);
    }
  }

  @Test
  void shouldAcceptBasicAuthAndTheTenantMemberCidOnly() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5))) {
      SimClient client = new SimClient(simulator);
      String cid = simulator.manifest().get("cid").asText();
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("sim-client:sim-secret".getBytes(StandardCharsets.UTF_8));
      SimClient.Response viaBasic =
          client.send(
              HttpRequest.newBuilder(simulator.baseUrl().resolve("/oauth2/token"))
                  .header("Authorization", basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(""))
                  .build());

      assertThat(viaBasic.status()).isEqualTo(201);
      assertThat(
              client
                  .token("client_id=sim-client&client_secret=sim-secret&member_cid=" + cid)
                  .status())
          .isEqualTo(201);
      assertThat(
              client
                  .token(
                      "client_id=sim-client&client_secret=sim-secret&member_cid=" + "0".repeat(32))
                  .status())
          .isEqualTo(403);
    }
  }

  @Test
  void shouldRevokeTokens() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5))) {
      SimClient client = new SimClient(simulator).authenticate();
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("sim-client:sim-secret".getBytes(StandardCharsets.UTF_8));

      SimClient.Response revoked =
          client.send(
              HttpRequest.newBuilder(simulator.baseUrl().resolve("/oauth2/revoke"))
                  .header("Authorization", basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("token=" + client.token()))
                  .build());

      assertThat(revoked.status()).isEqualTo(200);
      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(401);
    }
  }
}
