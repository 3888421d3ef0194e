package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the vendor closes some vulnerabilities and reopens others, the next run marks exactly those
 * FIXED and REOPENED, and a run after it changes nothing.
 */
class FindingLifecycleEndToEndIT {

  @Test
  void shouldFixAndReopenExactlyWhatTheVendorClosedAndReopened() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(150));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      String id =
          server
              .post(
                  "/api/v1/connectors",
                  Map.of(
                      "type",
                      "crowdstrike",
                      "name",
                      "falcon",
                      "auth",
                      Map.of(
                          "url",
                          sim.baseUrl().toString(),
                          "clientId",
                          "sim-client",
                          "clientSecret",
                          "sim-secret")))
              .json()
              .path("id")
              .asText();
      JsonNode first = CortexXdrEndToEndIT.runToEnd(server, id).path("counters");
      assertThat(first.path("findingsNew").asLong())
          .isEqualTo(CortexXdrEndToEndIT.total(server, "/api/v1/findings"));

      JsonNode second = CortexXdrEndToEndIT.runToEnd(server, id).path("counters");
      assertThat(
              second.path("findingsNew").asLong()
                  + second.path("findingsFixed").asLong()
                  + second.path("findingsReopened").asLong())
          .isZero();
      assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/findings?status=NEW")).isZero();

      sim.advance(60);
      JsonNode change = sim.manifest().path("lastAdvance");
      JsonNode third = CortexXdrEndToEndIT.runToEnd(server, id).path("counters");

      assertThat(third.path("findingsFixed").asLong())
          .as(change.toString())
          .isEqualTo(change.path("closed").asLong());
      assertThat(third.path("findingsReopened").asLong())
          .as(change.toString())
          .isEqualTo(change.path("reopened").asLong());
      assertThat(third.path("findingsNew").asLong())
          .as(change.toString())
          .isEqualTo(change.path("added").asLong());

      long finding =
          server
              .get("/api/v1/findings?size=1&status=ACTIVE")
              .json()
              .path("items")
              .get(0)
              .path("id")
              .asLong();
      var accepted =
          server.post(
              "/api/v1/findings/" + finding + "/decision",
              Map.of(
                  "decision",
                  "RISK_ACCEPTED",
                  "until",
                  "2099-01-01T00:00:00Z",
                  "note",
                  "compensated"));
      assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
      assertThat(accepted.json().path("decision").asText()).isEqualTo("RISK_ACCEPTED");
      assertThat(
              server
                  .post("/api/v1/findings/" + finding + "/decision", Map.of("decision", "IGNORE"))
                  .status())
          .isEqualTo(400);

      JsonNode fourth = CortexXdrEndToEndIT.runToEnd(server, id).path("counters");
      assertThat(
              fourth.path("findingsNew").asLong()
                  + fourth.path("findingsFixed").asLong()
                  + fourth.path("findingsReopened").asLong())
          .isZero();
      assertThat(server.get("/api/v1/findings/" + finding).json().path("decision").asText())
          .as("a user's decision outlives the sources' next report")
          .isEqualTo("RISK_ACCEPTED");
    }
  }
}
