package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The wizard's first step: the five checks run on a create request's settings before anything is
 * stored, through {@code POST /api/v1/connectors/test}.
 */
class DraftConnectionTestEndToEndIT {

  private static Map<String, Object> body(CrowdStrikeSimulator sim, String secret) {
    return Map.of(
        "type",
        "crowdstrike",
        "name",
        "draft",
        "auth",
        Map.of("url", sim.baseUrl().toString(), "clientId", "sim-client", "clientSecret", secret));
  }

  @Test
  void shouldTestSettingsBeforeSavingAndStoreNothing() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      JsonNode passing = server.post("/api/v1/connectors/test", body(sim, "sim-secret")).json();
      assertThat(passing.path("passed").asBoolean()).as(passing.toString()).isTrue();
      assertThat(passing.path("checks"))
          .extracting(c -> c.path("status").asText())
          .containsExactly("PASSED", "PASSED", "PASSED", "PASSED", "PASSED");

      String wrong = "not-the-secret-5d2e";
      JsonNode failing = server.post("/api/v1/connectors/test", body(sim, wrong)).json();
      assertThat(failing.path("passed").asBoolean()).isFalse();
      assertThat(failing.path("checks"))
          .extracting(c -> c.path("check").asText() + " " + c.path("status").asText())
          .containsExactly(
              "NETWORK_REACHABILITY PASSED",
              "TLS_HANDSHAKE PASSED",
              "AUTHENTICATION FAILED",
              "AUTHORIZATION_SCOPE SKIPPED",
              "DATA_FETCH SKIPPED");
      assertThat(failing.toString()).doesNotContain(wrong);

      var incomplete =
          server.post(
              "/api/v1/connectors/test",
              Map.of("type", "crowdstrike", "auth", Map.of("url", sim.baseUrl().toString())));
      assertThat(incomplete.status()).isEqualTo(400);
      assertThat(incomplete.text()).contains("auth.clientId");

      assertThat(server.get("/api/v1/connectors").json()).as("nothing stored").isEmpty();
    }
  }
}
