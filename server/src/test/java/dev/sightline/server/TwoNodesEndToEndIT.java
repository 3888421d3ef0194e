package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.server.cli.SightlineMain;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL, as a user runs them: the node working on a sync is killed
 * with SIGKILL mid-run (what the OOM killer does), and the other node takes the run over once the
 * dead node's lease has expired, resumes it from the last committed page, and ends with the
 * tenant's exact totals and no duplicates.
 */
class TwoNodesEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "two-nodes-admin-token-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();

  /** One `sightline serve` process. */
  private record Node(String name, Process process, URI base) {}

  private Node start(String name, Map<String, String> env, Path dir) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            SightlineMain.class.getName(),
            "serve",
            "--port",
            String.valueOf(port));
    pb.environment().putAll(env);
    pb.environment().put("SIGHTLINE_NODE_NAME", name);
    pb.environment().put("SIGHTLINE_DATA_DIR", dir.resolve(name).toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Node node = new Node(name, pb.start(), URI.create("http://127.0.0.1:" + port));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> get(node, "/api/v1/connectors").isArray());
    return node;
  }

  private JsonNode get(Node node, String path) throws Exception {
    return send(node, HttpRequest.newBuilder(node.base().resolve(path)).GET());
  }

  private JsonNode post(Node node, String path, Object body) throws Exception {
    return send(
        node,
        HttpRequest.newBuilder(node.base().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private JsonNode send(Node node, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r =
        http.send(
            request.header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  @Test
  void shouldRecoverTheRunOfANodeKilledMidSyncOnTheOtherNode(@TempDir Path dir) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(600).withFaultSpec("slow:100%:150ms"))) {
      Path ca = dir.resolve("ca.pem");
      Files.writeString(ca, sim.caCertificatePem());
      Map<String, String> env = new HashMap<>();
      env.put("SIGHTLINE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
      env.put("SIGHTLINE_DB_USER", "postgres");
      env.put("SIGHTLINE_ADMIN_TOKEN", TOKEN);
      env.put("SIGHTLINE_MASTER_KEY", "two-nodes-share-one-master-key");
      env.put("SIGHTLINE_ALLOWED_TARGETS", "127.0.0.1");
      env.put("SIGHTLINE_EXTRA_CA_FILE", ca.toString());
      env.put("SIGHTLINE_PAGE_SIZE", "50");
      Node a = start("node-a", env, dir);
      Node b = start("node-b", env, dir);
      List<Node> nodes = List.of(a, b);
      try {
        JsonNode connector =
            post(
                a,
                "/api/v1/connectors",
                Map.of(
                    "type",
                    "crowdstrike",
                    "name",
                    "two nodes",
                    "auth",
                    Map.of(
                        "url",
                        sim.baseUrl().toString(),
                        "clientId",
                        "sim-client",
                        "clientSecret",
                        "sim-secret")));
        String runId =
            post(a, "/api/v1/connectors/" + connector.path("id").asText() + "/runs", Map.of())
                .path("runId")
                .asText();
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    get(a, "/api/v1/runs/" + runId).path("counters").path("fetched").asLong()
                        > 600);
        JsonNode before = get(a, "/api/v1/runs/" + runId);
        assertThat(before.path("state").asText()).as(before.toString()).isEqualTo("PROCESSING");
        assertThat(before.path("progress").path("stream").asText()).isNotEmpty();
        String owner = before.path("owner").asText();
        Node victim =
            nodes.stream().filter(n -> owner.startsWith(n.name() + "-")).findFirst().orElseThrow();
        Node survivor = victim == a ? b : a;

        victim.process().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

        JsonNode after =
            await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                    () -> get(survivor, "/api/v1/runs/" + runId),
                    r -> r.path("state").asText().matches("PROCESSED|ERRORED"));
        assertThat(after.path("state").asText()).as(after.toString()).isEqualTo("PROCESSED");
        assertThat(after.path("trigger").asText()).isEqualTo("RECOVERY");
        assertThat(after.path("attempt").asInt()).isEqualTo(2);
        assertThat(after.path("owner").asText()).startsWith(survivor.name() + "-");
        JsonNode manifest = sim.manifest();
        assertThat(get(survivor, "/api/v1/assets?size=1&count=exact").path("total").asLong())
            .isEqualTo(manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong());
        assertThat(get(survivor, "/api/v1/findings?size=1&count=exact").path("total").asLong())
            .isEqualTo(manifest.path("vulnerabilities").asLong());
        JsonNode log = get(survivor, "/api/v1/runs/" + runId + "/log");
        assertThat(log.toString())
            .contains("RECOVERY, attempt 2, on node " + survivor.name())
            .doesNotContain("sim-secret");
      } finally {
        nodes.forEach(n -> n.process().destroyForcibly());
      }
    }
  }
}
