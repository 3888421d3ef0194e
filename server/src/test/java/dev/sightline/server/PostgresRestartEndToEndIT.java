package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.server.ServerProcesses.Node;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops (a fast shutdown, as on a failover or a restart) in the middle of a sync and
 * comes back on the same data: the interrupted run ends, recovered or ERRORED with its reason, and
 * the next run stores exactly the tenant, nothing twice.
 */
class PostgresRestartEndToEndIT {

  private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void shouldEndTheInterruptedRunAndStoreTheTenantExactlyOnTheNextRun(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("pg");
    int port = freePort();
    EmbeddedPostgres pg = postgres(data, port);
    try (CrowdStrikeSimulator sim =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(60))) {
      Path ca = dir.resolve("ca.pem");
      Files.writeString(ca, sim.caCertificatePem());
      try (ServerProcesses nodes =
          new ServerProcesses(
              "pg-restart", "jdbc:postgresql://localhost:" + port + "/postgres", ca, 20, dir)) {
        Node node = nodes.ready(nodes.start());
        String connector =
            nodes
                .post(
                    node,
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
                .path("id")
                .asText();
        sim.faults().slowNext(10_000, Duration.ofMillis(150));
        String run =
            nodes
                .post(node, "/api/v1/connectors/" + connector + "/runs", Map.of())
                .path("runId")
                .asText();
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    nodes.get(node, "/api/v1/runs/" + run).path("counters").path("pages").asLong()
                        >= 3);

        JsonNode atStop = nodes.get(node, "/api/v1/runs/" + run);
        assertThat(atStop.path("state").asText())
            .as("the run is still going when PostgreSQL stops (else nothing is interrupted)")
            .isEqualTo("PROCESSING");
        pg.close(); // fast shutdown: every session ends, the run's included
        Thread.sleep(3_000);
        pg = postgres(data, port);
        sim.faults().clear();

        JsonNode ended =
            await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                    () -> nodes.get(node, "/api/v1/runs/" + run),
                    r -> r.path("state").asText().matches("PROCESSED|ERRORED"));
        System.out.printf(
            "[pg restart] stopped at %s pages; the interrupted run ended %s %s%n",
            atStop.path("counters").path("pages").asText(),
            ended.path("state").asText(),
            ended.path("error").asText(""));
        if (ended.path("state").asText().equals("ERRORED")) {
          assertThat(ended.path("error").asText())
              .as("the reason it failed")
              .contains("connection to PostgreSQL was lost")
              .contains("resumes from the last committed page");
        }

        String next =
            nodes
                .post(node, "/api/v1/connectors/" + connector + "/runs", Map.of())
                .path("runId")
                .asText();
        JsonNode done =
            await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(
                    () -> nodes.get(node, "/api/v1/runs/" + next),
                    r -> r.path("state").asText().matches("PROCESSED|ERRORED"));
        assertThat(done.path("state").asText()).isEqualTo("PROCESSED");
        JsonNode m = sim.manifest();
        assertThat(total(nodes, node, "/api/v1/assets"))
            .isEqualTo(m.path("hosts").asLong() + m.path("unmanagedAssets").asLong());
        assertThat(total(nodes, node, "/api/v1/findings"))
            .isEqualTo(m.path("vulnerabilities").asLong());
        assertThat(total(nodes, node, "/api/v1/detections"))
            .isEqualTo(m.path("vulnerabilities").asLong());
      }
    } finally {
      pg.close();
    }
  }

  private static long total(ServerProcesses nodes, Node node, String path) throws Exception {
    return nodes.get(node, path + "?size=1&count=exact").path("total").asLong();
  }
}
