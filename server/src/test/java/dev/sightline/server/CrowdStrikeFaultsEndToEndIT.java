package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A faulty vendor must not change what is stored: same totals, nothing lost, nothing doubled. */
class CrowdStrikeFaultsEndToEndIT {

  /**
   * @param draft save without the connection test, whose probe reads would otherwise take the
   *     faults a count-limited fault spec injects
   */
  private static JsonNode syncOnce(
      TestServer server, CrowdStrikeSimulator sim, String name, boolean draft) {
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                name,
                "draft",
                draft,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    String runId =
        server
            .post("/api/v1/connectors/" + created.json().path("id").asText() + "/runs", "")
            .json()
            .path("runId")
            .asText();
    server.awaitRun(runId);
    return server.get("/api/v1/runs/" + runId).json();
  }

  private static long total(TestServer server, String path) {
    return server.get(path + "?size=1").json().path("total").asLong();
  }

  @Test
  void shouldStoreTheSameTotalsThrough429s5xxDroppedConnectionsAndTokenExpiry() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(300)
                    .withFaultSpec("429:5%,5xx:4%,drop:3%,token-expiry:15"));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      JsonNode run = syncOnce(server, sim, "faulty falcon", false);

      assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
      assertThat(total(server, "/api/v1/assets"))
          .isEqualTo(
              sim.manifest().path("hosts").asLong()
                  + sim.manifest().path("unmanagedAssets").asLong());
      assertThat(total(server, "/api/v1/findings"))
          .isEqualTo(sim.manifest().path("vulnerabilities").asLong());
      assertThat(sim.requests().toString()).isNotEmpty();
    }
  }

  @Test
  void shouldRejectAMalformedRecordWithItsReasonAndKeepGoing() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(60).withFaultSpec("malformed:2"));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      JsonNode run = syncOnce(server, sim, "malformed falcon", true);

      assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
      JsonNode c = run.path("counters");
      assertThat(c.path("rejected").asLong()).isPositive();
      assertThat(c.path("fetched").asLong())
          .isEqualTo(
              c.path("created").asLong()
                  + c.path("updated").asLong()
                  + c.path("unchanged").asLong()
                  + c.path("rejected").asLong());
    }
  }
}
