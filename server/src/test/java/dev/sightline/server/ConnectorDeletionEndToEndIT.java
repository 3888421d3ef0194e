package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DELETE /api/v1/connectors/{id}?data=keep|purge over two connectors whose tenants share machines:
 * the choice is required; a run in flight refuses it; keep leaves the records as history; purge
 * leaves what the other connector alone makes of the fleet.
 */
class ConnectorDeletionEndToEndIT {

  private static String create(TestServer server, String name, CrowdStrikeSimulator sim) {
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                name,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static String synced(TestServer server, String name, CrowdStrikeSimulator sim) {
    String id = create(server, name, sim);
    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    return id;
  }

  private static long total(TestServer server, String path) {
    return server
        .get(path + (path.contains("?") ? "&" : "?") + "size=1")
        .json()
        .path("total")
        .asLong();
  }

  private static long assetsOf(JsonNode manifest) {
    return manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong();
  }

  @Test
  void shouldKeepOrPurgeAsAskedAndNeverWhileARunIsInFlight() throws Exception {
    try (CrowdStrikeSimulator stays =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30));
        CrowdStrikeSimulator purged =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30).withOffset(20));
        CrowdStrikeSimulator kept =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(10)
                    .withOffset(200)
                    .withFaultSpec("slow:100%:1s"));
        TestServer server =
            new TestServer(
                "127.0.0.1",
                Optional.of(
                    String.join(
                        "\n",
                        stays.caCertificatePem(),
                        purged.caCertificatePem(),
                        kept.caCertificatePem())))) {
      String staysId = synced(server, "stays", stays);
      String purgedId = synced(server, "purged", purged);
      String keptId = synced(server, "kept", kept);
      long keptAssets = total(server, "/api/v1/assets?connectorId=" + keptId);
      assertThat(total(server, "/api/v1/assets"))
          .as("ten machines seen by two tenants are ten assets")
          .isEqualTo(assetsOf(stays.manifest()) + assetsOf(purged.manifest()) - 10 + keptAssets);

      var unsaid = server.delete("/api/v1/connectors/" + purgedId);
      assertThat(unsaid.status()).isEqualTo(400);
      assertThat(unsaid.json().path("problems").get(0).path("field").asText()).isEqualTo("data");
      assertThat(unsaid.text()).contains("data=keep").contains("data=purge");

      var run = server.post("/api/v1/connectors/" + keptId + "/runs", "");
      assertThat(run.status()).isEqualTo(202);
      var busy = server.delete("/api/v1/connectors/" + keptId + "?data=keep");
      assertThat(busy.status()).as(busy.text()).isEqualTo(409);
      assertThat(busy.json().path("message").asText()).contains("run in flight");
      String runId = run.json().path("runId").asText();
      server.awaitRun(runId);

      var keep = server.delete("/api/v1/connectors/" + keptId + "?data=keep");
      assertThat(keep.status()).as(keep.text()).isEqualTo(200);
      assertThat(keep.json().path("data").asText()).isEqualTo("keep");
      assertThat(server.get("/api/v1/connectors/" + keptId).status()).isEqualTo(404);
      assertThat(server.post("/api/v1/connectors/" + keptId + "/runs", "").status()).isEqualTo(404);
      assertThat(total(server, "/api/v1/assets?connectorId=" + keptId))
          .as("kept as history")
          .isEqualTo(keptAssets);

      var purge = server.delete("/api/v1/connectors/" + purgedId + "?data=purge");
      assertThat(purge.status()).as(purge.text()).isEqualTo(200);
      assertThat(purge.json().path("assetsRederived").asLong()).isGreaterThanOrEqualTo(10);
      assertThat(total(server, "/api/v1/assets"))
          .isEqualTo(assetsOf(stays.manifest()) + keptAssets);
      assertThat(total(server, "/api/v1/findings?connectorId=" + staysId))
          .isEqualTo(stays.manifest().path("vulnerabilities").asLong());
      assertThat(total(server, "/api/v1/detections?connectorId=" + purgedId)).isZero();
      assertThat(server.get("/api/v1/connectors").json())
          .extracting(c -> c.path("name").asText())
          .containsExactly("stays");
    }
  }
}
