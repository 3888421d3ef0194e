package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Test Connection as the wizard drives it: each of the five checks driven to fail (its cause, what
 * to do, how long it took, what the vendor itself said), and create gated by a passing test: 422
 * with the checks otherwise, a draft saved untested, a passing test's id accepted once for the same
 * settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionTestGateEndToEndIT {
  private static final List<String> CHECKS =
      List.of(
          "NETWORK_REACHABILITY",
          "TLS_HANDSHAKE",
          "AUTHENTICATION",
          "AUTHORIZATION_SCOPE",
          "DATA_FETCH");

  private CrowdStrikeSimulator tenant;
  private CrowdStrikeSimulator narrowScope;
  private CrowdStrikeSimulator empty;
  private CrowdStrikeSimulator untrusted;
  private TestServer server;

  @BeforeAll
  void start() throws IOException {
    tenant = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
    narrowScope =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(20)
                .withScopes(Set.of(CrowdStrikeSimulatorOptions.SCOPE_DISCOVER)));
    empty = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(0));
    untrusted = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
    // The server trusts every simulator's CA but the untrusted one's.
    server =
        new TestServer(
            "127.0.0.1",
            Optional.of(
                String.join(
                    "\n",
                    tenant.caCertificatePem(),
                    narrowScope.caCertificatePem(),
                    empty.caCertificatePem())));
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    for (CrowdStrikeSimulator sim : List.of(tenant, narrowScope, empty, untrusted)) {
      sim.close();
    }
  }

  @BeforeEach
  void noConnectors() {
    for (JsonNode c : server.get("/api/v1/connectors").json()) {
      server.delete("/api/v1/connectors/" + c.path("id").asText() + "?data=purge");
    }
  }

  private static Map<String, Object> body(String name, String url, String secret) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "crowdstrike");
    body.put("name", name);
    body.put("auth", Map.of("url", url, "clientId", "sim-client", "clientSecret", secret));
    return body;
  }

  private Map<String, Object> body(CrowdStrikeSimulator sim) {
    return body("Falcon", sim.baseUrl().toString(), "sim-secret");
  }

  private JsonNode test(Map<String, Object> body) {
    var answer = server.post("/api/v1/connectors/test", body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  /** The checks before {@code check} passed, it failed, the rest were skipped. */
  private static JsonNode failedAt(JsonNode answer, String check) {
    assertThat(answer.path("passed").asBoolean()).isFalse();
    assertThat(answer.has("connectionTestId")).as("no id for a failed test").isFalse();
    int at = CHECKS.indexOf(check);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < CHECKS.size(); i++) {
      expected.add(CHECKS.get(i) + " " + (i < at ? "PASSED" : i == at ? "FAILED" : "SKIPPED"));
    }
    assertThat(answer.path("checks"))
        .extracting(c -> c.path("check").asText() + " " + c.path("status").asText())
        .containsExactlyElementsOf(expected);
    for (JsonNode c : answer.path("checks")) {
      assertThat(c.has("message")).isTrue();
      assertThat(c.has("fix")).isTrue();
      assertThat(c.path("durationMs").isIntegralNumber()).as(c.toString()).isTrue();
      assertThat(c.path("durationMs").asLong()).isNotNegative();
    }
    JsonNode failed = answer.path("checks").get(at);
    assertThat(failed.path("message").asText()).isNotBlank().doesNotContain("To fix");
    assertThat(failed.path("fix").asText()).isNotBlank();
    assertThat(answer.path("checks"))
        .filteredOn(c -> !c.path("status").asText().equals("FAILED"))
        .as("a check that passed or was skipped has nothing to fix")
        .allSatisfy(c -> assertThat(c.path("fix").isNull()).isTrue());
    return failed;
  }

  @Test
  void shouldPassAllFiveChecksTimedAndGiveATestId() {
    JsonNode answer = test(body(tenant));

    assertThat(answer.path("passed").asBoolean()).as(answer.toString()).isTrue();
    assertThat(answer.path("checks"))
        .extracting(c -> c.path("status").asText())
        .containsOnly("PASSED");
    assertThat(answer.path("checks"))
        .allSatisfy(c -> assertThat(c.path("durationMs").asLong()).isNotNegative());
    assertThat(answer.path("connectionTestId").asText()).hasSize(36);
  }

  @Test
  void shouldFailNetworkReachabilityOnAnUnknownHost() {
    JsonNode failed =
        failedAt(
            test(body("Falcon", "https://api.sightline-nowhere.invalid", "sim-secret")),
            "NETWORK_REACHABILITY");

    assertThat(failed.path("message").asText())
        .contains("Cannot resolve the CrowdStrike host 'api.sightline-nowhere.invalid'");
    assertThat(failed.path("fix").asText()).contains("check the Url").contains("DNS");
  }

  @Test
  void shouldFailNetworkReachabilityOnAClosedPort() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    JsonNode failed =
        failedAt(
            test(body("Falcon", "https://127.0.0.1:" + closed, "sim-secret")),
            "NETWORK_REACHABILITY");

    assertThat(failed.path("message").asText())
        .contains("Cannot connect to the CrowdStrike host 127.0.0.1:" + closed);
    assertThat(failed.path("fix").asText()).contains("firewalls and proxies");
  }

  @Test
  void shouldFailTheTlsHandshakeOnAnUntrustedCertificateNamingItsIssuer() throws Exception {
    JsonNode failed = failedAt(test(body(untrusted)), "TLS_HANDSHAKE");

    String issuer = caName(untrusted);
    assertThat(issuer).startsWith("CN=CrowdStrike Simulator CA ");
    assertThat(failed.path("message").asText())
        .startsWith("The TLS handshake with the CrowdStrike host " + host(untrusted) + " failed")
        .contains("was issued by " + issuer + ", a CA that is not trusted");
    assertThat(failed.path("fix").asText())
        .startsWith("if " + issuer + " is your company's CA")
        .contains("SIGHTLINE_EXTRA_CA_FILE");
  }

  @Test
  void shouldEndARunAtAnUntrustedCertificateNamingItsIssuerAndTheFix() throws Exception {
    Map<String, Object> draft = body(untrusted);
    draft.put("draft", true);
    var created = server.post("/api/v1/connectors", draft);
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    JsonNode run = server.runToEnd(created.json().path("id").asText());

    assertThat(run.path("state").asText()).isEqualTo("ERRORED");
    assertThat(run.path("error").asText())
        .contains(host(untrusted))
        .contains("was issued by " + caName(untrusted))
        .contains("SIGHTLINE_EXTRA_CA_FILE");
  }

  private static String host(CrowdStrikeSimulator sim) {
    return sim.baseUrl().getHost() + ":" + sim.baseUrl().getPort();
  }

  private static String caName(CrowdStrikeSimulator sim) throws Exception {
    return ((java.security.cert.X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new java.io.ByteArrayInputStream(
                        sim.caCertificatePem()
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .getSubjectX500Principal()
        .getName();
  }

  @Test
  void shouldFailAuthenticationOnAWrongSecretQuotingTheVendor() {
    String wrong = "not-the-secret-81f3";
    JsonNode answer = test(body("Falcon", tenant.baseUrl().toString(), wrong));
    JsonNode failed = failedAt(answer, "AUTHENTICATION");

    assertThat(failed.path("message").asText()).contains("refused the client credentials");
    assertThat(failed.path("fix").asText()).contains("Client ID and Client Secret");
    assertThat(failed.path("vendorStatus").asInt()).isEqualTo(403);
    assertThat(failed.path("vendorMessage").asText())
        .isEqualTo("Failed to issue access token - Not Authorized");
    assertThat(failed.path("traceId").asText()).isNotBlank();
    assertThat(answer.toString()).doesNotContain(wrong);
  }

  @Test
  void shouldFailAuthorizationScopeOnAMissingScopeQuotingTheVendor() {
    JsonNode failed = failedAt(test(body(narrowScope)), "AUTHORIZATION_SCOPE");

    assertThat(failed.path("message").asText()).contains("lacks the 'Vulnerabilities: Read' scope");
    assertThat(failed.path("fix").asText()).contains("API Clients and Keys");
    assertThat(failed.path("vendorStatus").asInt()).isEqualTo(403);
    assertThat(failed.path("vendorMessage").asText()).contains("scope not permitted");
    assertThat(failed.path("traceId").asText()).isNotBlank();
  }

  @Test
  void shouldFailDataFetchOnAnEmptyTenant() {
    JsonNode failed = failedAt(test(body(empty)), "DATA_FETCH");

    assertThat(failed.path("message").asText()).contains("returned no hosts");
    assertThat(failed.path("fix").asText()).contains("saved as a draft");
  }

  @Test
  void shouldRefuseToCreateOnAFailedTestListingTheFailedChecks() {
    String wrong = "not-the-secret-81f3";
    var refused =
        server.post("/api/v1/connectors", body("Falcon", tenant.baseUrl().toString(), wrong));

    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    JsonNode answer = refused.json();
    assertThat(answer.path("status").asInt()).isEqualTo(422);
    assertThat(answer.path("type").asText())
        .isEqualTo("urn:problem-type:sightline:connection-test-failed");
    assertThat(answer.path("detail").asText()).isEqualTo(answer.path("message").asText());
    assertThat(answer.path("instance").asText()).isEqualTo("/api/v1/connectors");
    assertThat(answer.path("message").asText()).contains("AUTHENTICATION").contains("not created");
    assertThat(answer.path("problems"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path("field").asText()).isEqualTo("AUTHENTICATION");
              assertThat(p.path("message").asText()).contains("To fix:");
            });
    failedAt(answer, "AUTHENTICATION");
    assertThat(refused.text()).doesNotContain(wrong);
    assertThat(server.get("/api/v1/connectors").json()).as("nothing stored").isEmpty();
  }

  @Test
  void shouldSaveADraftUntestedThatSaysSo() {
    Map<String, Object> draft = body("Falcon draft", tenant.baseUrl().toString(), "unknown-yet");
    draft.put("draft", true);

    var created = server.post("/api/v1/connectors", draft);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().path("draft").asBoolean()).isTrue();
    assertThat(created.json().path("state").asText()).isEqualTo("REGISTERED");
    assertThat(created.json().path("auth").path("clientSecret").asText()).isEqualTo("********");
    String id = created.json().path("id").asText();
    assertThat(server.get("/api/v1/connectors/" + id).json().path("draft").asBoolean()).isTrue();
  }

  @Test
  void shouldCreateFromAPassingTestOnceAndOnlyForTheSameSettings() {
    String testId = test(body(tenant)).path("connectionTestId").asText();

    Map<String, Object> other = body("Falcon", tenant.baseUrl().toString(), "another-secret");
    other.put("connectionTestId", testId);
    var refused = server.post("/api/v1/connectors", other);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("message").asText()).contains("tested other settings");

    Map<String, Object> same = body(tenant);
    same.put("connectionTestId", testId);
    var created = server.post("/api/v1/connectors", same);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().path("draft").asBoolean()).isFalse();

    same.put("name", "Falcon again");
    var reused = server.post("/api/v1/connectors", same);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().path("problems").get(0).path("field").asText())
        .isEqualTo("connectionTestId");
  }
}
