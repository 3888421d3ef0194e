package dev.sightline.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.server.cli.SightlineMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `sightline serve` processes of one cluster (one database), started as a user starts them and
 * killed with SIGKILL ({@link Process#destroyForcibly} on Linux): no shutdown hook runs, open
 * transactions die with their connections. The nodes take a dead node's run over quickly: a
 * three-second lease and a one-second cluster check-in, so Quartz calls a silent node dead after
 * about 8.5 s.
 */
final class ServerProcesses implements AutoCloseable {
  static final String TOKEN = "crash-suite-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String cluster;
  private final Map<String, String> env;
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Node> started = new ArrayList<>();
  private final java.util.Random random = new java.util.Random();

  /** One server process; {@code name} is its SIGHTLINE_NODE_NAME, the prefix of its run owner. */
  record Node(String name, Process process, URI base) {
    boolean owns(String owner) {
      return owner.startsWith(name + "-");
    }
  }

  /**
   * @param cluster names the nodes ({@code cluster-1}, {@code cluster-2}, …) and their logs
   * @param dbUrl the cluster's database
   * @param extraCaPem the simulators' certificates, as a file
   */
  ServerProcesses(String cluster, String dbUrl, Path extraCaPem, int pageSize, Path dir) {
    this.cluster = cluster;
    this.dir = dir;
    this.env = new HashMap<>();
    env.put("SIGHTLINE_DB_URL", dbUrl);
    env.put("SIGHTLINE_DB_USER", "postgres");
    env.put("SIGHTLINE_ADMIN_TOKEN", TOKEN);
    env.put("SIGHTLINE_MASTER_KEY", "crash-suite-shared-master-key");
    env.put("SIGHTLINE_ALLOWED_TARGETS", "127.0.0.1");
    env.put("SIGHTLINE_EXTRA_CA_FILE", extraCaPem.toString());
    env.put("SIGHTLINE_PAGE_SIZE", String.valueOf(pageSize));
    env.put("SIGHTLINE_RUN_LEASE_SECONDS", "3");
    env.put("SIGHTLINE_CLUSTER_CHECKIN_SECONDS", "1");
  }

  /** Starts a node without waiting for it; {@link #ready} waits. */
  Node start() {
    try {
      int port = freePort();
      String name = cluster + "-" + (started.size() + 1);
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "-Xmx384m",
              // C1 only and one GC thread: a short-lived node starts in about half the CPU time.
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Xshare:auto",
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
      started.add(node);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A port free now, below Linux's ephemeral range (32768–60999): a port the kernel handed out for
   * bind(0) is soon handed out again as the local end of some outgoing connection (a JDBC or HTTP
   * client of the other vendor's nodes), and the node starting on it then fails to bind.
   */
  private int freePort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = 20_000 + random.nextInt(12_000);
      try (ServerSocket s = new ServerSocket(candidate)) {
        return s.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }

  /** Waits until the node answers its API. */
  Node ready(Node node) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              if (!node.process().isAlive()) {
                throw new AssertionError(
                    node.name() + " exited; see " + dir.resolve(node.name() + ".log"));
              }
              return get(node, "/api/v1/connectors").isArray();
            });
    return node;
  }

  /** SIGKILL, and waits until the process is gone. */
  static void kill(Node node) throws InterruptedException {
    node.process().destroyForcibly().waitFor();
  }

  JsonNode get(Node node, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(node.base().resolve(path)).GET());
  }

  JsonNode post(Node node, String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(node.base().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IOException(r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  Path log(Node node) {
    return dir.resolve(node.name() + ".log");
  }

  /** Kills every node still running. */
  @Override
  public void close() {
    started.forEach(n -> n.process().destroyForcibly());
    for (Node n : started) {
      try {
        n.process().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
