package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.testkit.Tinyproxy;
import dev.sightline.server.cli.SightlineMain;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
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
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sightline inside a company network: `sightline serve` processes whose only way out is an
 * authenticating proxy (Debian's tinyproxy on loopback) named by HTTPS_PROXY, as an operator sets
 * it. A CrowdStrike and a Cortex XDR tenant sync through it to their totals, the proxy's log
 * showing their CONNECTs; wrong proxy credentials fail the draft connection test on the network
 * check, naming the proxy and the status it answered; a connector with "useProxy": false and a host
 * listed in NO_PROXY go direct; and the proxy password shows in no log and no answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "proxy-suite-admin-token-0123456789";
  private static final String PASSWORD = "proxy-pass-7c2f1e-never-shown";
  private static final String WRONG_PASSWORD = "wrong-pass-5d1a9b-never-shown";
  private static final Set<String> PROXY_VARIABLES =
      Set.of(
          "https_proxy",
          "http_proxy",
          "no_proxy",
          "all_proxy",
          "sightline_proxy_url",
          "sightline_no_proxy");

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;
  private static Tinyproxy proxy;
  private static CrowdStrikeSimulator falcon;
  private static CortexXdrSimulator cortex;
  private static Node proxied;
  private static Node wrongCredentials;
  private static final HttpClient http = HttpClient.newHttpClient();

  /** Every API answer of the suite, searched for the proxy password at the end. */
  private static final List<String> answers = new ArrayList<>();

  private record Node(String name, Process process, URI base) {}

  @BeforeAll
  static void start() throws Exception {
    proxy = Tinyproxy.start(dir, PASSWORD);
    postgres = EmbeddedPostgres.builder().start();
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(60));
    cortex = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40).withOffset(1000));
    Path cas = dir.resolve("extra-ca.pem");
    Files.writeString(cas, falcon.caCertificatePem() + "\n" + cortex.caCertificatePem());
    // Both processes start at once: each waits mostly on its own JVM and its own database.
    proxied =
        launch(
            "proxied",
            cas,
            Map.of("HTTPS_PROXY", proxy.url(PASSWORD), "NO_PROXY", "", "no_proxy", ""));
    wrongCredentials =
        launch(
            "wrong-credentials",
            cas,
            Map.of("HTTPS_PROXY", proxy.url(WRONG_PASSWORD), "NO_PROXY", "localhost"));
    ready(proxied);
    ready(wrongCredentials);
  }

  @AfterAll
  static void stop() throws Exception {
    Path kept = Files.createDirectories(Path.of("target", "proxy-e2e-logs"));
    for (Node n : new Node[] {proxied, wrongCredentials}) {
      if (n != null) {
        n.process().destroyForcibly().waitFor();
        // Kept for a failed run's diagnosis: the temporary directory goes with the test.
        Files.copy(log(n), kept.resolve(n.name() + ".log"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (proxy != null) {
      Files.writeString(kept.resolve("tinyproxy.log"), proxy.since(0));
    }
    for (AutoCloseable c : new AutoCloseable[] {falcon, cortex, proxy, postgres}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @Order(1)
  void aCrowdStrikeAndACortexXdrTenantSyncThroughTheProxyToTheirTotals() throws Exception {
    String crowdStrike = create(proxied, crowdStrikeBody("falcon via proxy", falcon.baseUrl()));
    String cortexXdr = create(proxied, cortexBody("cortex via proxy"));
    long mark = proxy.mark(); // the connection tests at create went through it too: count from here

    JsonNode falconRun = runToEnd(proxied, crowdStrike);
    JsonNode cortexRun = runToEnd(proxied, cortexXdr);

    assertThat(falconRun.path("state").asText()).as(falconRun.toString()).isEqualTo("PROCESSED");
    assertThat(cortexRun.path("state").asText()).as(cortexRun.toString()).isEqualTo("PROCESSED");
    JsonNode fm = falcon.manifest();
    JsonNode cm = cortex.manifest();
    assertThat(get(proxied, "/api/v1/assets?size=1&count=exact").path("total").asLong())
        .as("three disjoint fleets: the CrowdStrike hosts and unmanaged assets, the XDR endpoints")
        .isEqualTo(
            fm.path("hosts").asLong()
                + fm.path("unmanagedAssets").asLong()
                + cm.path("hosts").asLong());
    assertThat(proxy.connectsTo(hostPort(falcon.baseUrl()), mark))
        .as("CONNECTs to the CrowdStrike tenant during its run")
        .isPositive();
    assertThat(proxy.connectsTo(hostPort(cortex.baseUrl()), mark))
        .as("CONNECTs to the Cortex XDR tenant during its run")
        .isPositive();
    JsonNode shown = get(proxied, "/api/v1/connectors/" + crowdStrike);
    assertThat(shown.path("useProxy").asBoolean()).isTrue();
    get(proxied, "/api/v1/runs/" + falconRun.path("runId").asText() + "/log");
    get(proxied, "/api/v1/runs/" + cortexRun.path("runId").asText() + "/log");
    get(proxied, "/api/v1/connectors");
  }

  @Test
  @Order(2)
  void aConnectorSavedWithoutTheProxyGoesDirect() throws Exception {
    long mark = proxy.mark();
    Map<String, Object> body = crowdStrikeBody("falcon direct", falcon.baseUrl());
    body.put("useProxy", false);

    String id = create(proxied, body);
    JsonNode run = runToEnd(proxied, id);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    assertThat(get(proxied, "/api/v1/connectors/" + id).path("useProxy").asBoolean()).isFalse();
    assertThat(proxy.since(mark)).doesNotContain("CONNECT " + hostPort(falcon.baseUrl()));

    long beforeEdit = proxy.mark();
    JsonNode edited = patch(proxied, "/api/v1/connectors/" + id, Map.of("useProxy", true));
    assertThat(edited.path("useProxy").asBoolean()).as(edited.toString()).isTrue();
    assertThat(proxy.connectsTo(hostPort(falcon.baseUrl()), beforeEdit))
        .as("the edit's connection test went through the proxy")
        .isPositive();
  }

  @Test
  @Order(3)
  void wrongProxyCredentialsFailTheNetworkCheckNamingTheProxyAndItsAnswer() throws Exception {
    JsonNode test =
        post(
            wrongCredentials,
            "/api/v1/connectors/test",
            crowdStrikeBody("bad proxy credentials", falcon.baseUrl()));

    assertThat(test.path("passed").asBoolean()).as(test.toString()).isFalse();
    JsonNode network = test.path("checks").get(0);
    assertThat(network.path("check").asText()).isEqualTo("NETWORK_REACHABILITY");
    assertThat(network.path("status").asText()).isEqualTo("FAILED");
    // Debian's tinyproxy 1.11 answers 401 to wrong credentials where the standard says 407.
    assertThat(network.path("message").asText())
        .contains("proxy http://" + Tinyproxy.USER + ":***@127.0.0.1:" + proxy.port)
        .containsPattern("HTTP 40[17]");
    assertThat(network.path("fix").asText()).contains("HTTPS_PROXY").contains("password");
  }

  @Test
  @Order(4)
  void aDraftTestWithoutTheProxyOrToANoProxyHostGoesDirect() throws Exception {
    long mark = proxy.mark();
    Map<String, Object> direct = crowdStrikeBody("asked direct", falcon.baseUrl());
    direct.put("useProxy", false);
    JsonNode asked = post(wrongCredentials, "/api/v1/connectors/test", direct);
    URI byName = URI.create("https://localhost:" + falcon.baseUrl().getPort());
    JsonNode listed =
        post(
            wrongCredentials,
            "/api/v1/connectors/test",
            crowdStrikeBody("listed in NO_PROXY", byName));

    assertThat(asked.path("passed").asBoolean()).as(asked.toString()).isTrue();
    assertThat(listed.path("passed").asBoolean()).as(listed.toString()).isTrue();
    assertThat(proxy.since(mark)).doesNotContain("CONNECT");
  }

  @Test
  @Order(5)
  void theProxyPasswordShowsInNoLogAndNoAnswer() throws Exception {
    get(proxied, "/api/v1/audit?size=200");
    get(wrongCredentials, "/api/v1/audit?size=200");
    String logs =
        Files.readString(log(proxied), java.nio.charset.StandardCharsets.UTF_8)
            + Files.readString(log(wrongCredentials), java.nio.charset.StandardCharsets.UTF_8);
    String said = String.join("\n", answers);

    // The servers did name the proxy, masked: the search below looks where the password could be.
    assertThat(logs).contains(Tinyproxy.USER + ":***@127.0.0.1:" + proxy.port);
    assertThat(said).contains(Tinyproxy.USER + ":***@");
    for (String secret : List.of(PASSWORD, WRONG_PASSWORD)) {
      assertThat(logs).doesNotContain(secret);
      assertThat(said).doesNotContain(secret);
    }
  }

  // ---- the servers ------------------------------------------------------------------------------

  private static Node launch(String name, Path cas, Map<String, String> proxyEnv) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name.replace('-', '_'));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            SightlineMain.class.getName(),
            "serve",
            "--port",
            String.valueOf(port));
    // The machine's own proxy settings are not this test's: each server gets exactly its own.
    pb.environment().keySet().removeIf(k -> PROXY_VARIABLES.contains(k.toLowerCase(Locale.ROOT)));
    pb.environment().putAll(proxyEnv);
    pb.environment()
        .put("SIGHTLINE_DB_URL", postgres.getJdbcUrl("postgres", name.replace('-', '_')));
    pb.environment().put("SIGHTLINE_DB_USER", "postgres");
    pb.environment().put("SIGHTLINE_ADMIN_TOKEN", TOKEN);
    pb.environment().put("SIGHTLINE_MASTER_KEY", "proxy-suite-master-key-" + name);
    pb.environment().put("SIGHTLINE_ALLOWED_TARGETS", "127.0.0.1,localhost");
    pb.environment().put("SIGHTLINE_EXTRA_CA_FILE", cas.toString());
    pb.environment().put("SIGHTLINE_DATA_DIR", dir.resolve(name).toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    return new Node(name, pb.start(), URI.create("http://127.0.0.1:" + port));
  }

  private static void ready(Node node) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!node.process().isAlive()) {
                throw new AssertionError(node.name() + " exited: see " + log(node));
              }
              return get(node, "/api/v1/connectors").isArray();
            });
  }

  private static Path log(Node node) {
    return dir.resolve(node.name() + ".log");
  }

  // ---- connectors and runs ----------------------------------------------------------------------

  private static Map<String, Object> crowdStrikeBody(String name, URI url) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "crowdstrike");
    body.put("name", name);
    body.put(
        "auth",
        Map.of(
            "url",
            url.toString(),
            "clientId",
            CrowdStrikeSimulatorOptions.DEFAULT_CLIENT_ID,
            "clientSecret",
            CrowdStrikeSimulatorOptions.DEFAULT_CLIENT_SECRET));
    return body;
  }

  private static Map<String, Object> cortexBody(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "cortex-xdr");
    body.put("name", name);
    body.put(
        "auth",
        Map.of(
            "url",
            cortex.baseUrl().toString(),
            "apiKeyId",
            cortex.options().keyId(),
            "apiKey",
            cortex.options().key(),
            "securityLevel",
            cortex.options().security().wire()));
    return body;
  }

  private static String create(Node node, Map<String, Object> body) throws Exception {
    JsonNode created = post(node, "/api/v1/connectors", body);
    assertThat(created.path("id").isTextual()).as(created.toString()).isTrue();
    return created.path("id").asText();
  }

  /**
   * Runs the connector and waits for the run's end. A schedule may have started one at creation:
   * then that run is the one waited for.
   */
  private static JsonNode runToEnd(Node node, String connectorId) throws Exception {
    JsonNode started = post(node, "/api/v1/connectors/" + connectorId + "/runs", Map.of());
    String runId =
        started.hasNonNull("runId")
            ? started.path("runId").asText()
            : get(node, "/api/v1/connectors/" + connectorId).path("lastRun").path("runId").asText();
    return await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> get(node, "/api/v1/runs/" + runId),
            r ->
                r.path("state").asText().matches("PROCESSED|ERRORED")
                    && !r.path("findingsState").asText().matches("PENDING|PROCESSING"));
  }

  private static String hostPort(URI url) {
    return url.getHost() + ":" + url.getPort();
  }

  // ---- HTTP
  // ---------------------------------------------------------------------------------------

  private static JsonNode get(Node node, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(node.base().resolve(path)).GET());
  }

  private static JsonNode post(Node node, String path, Object body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(node.base().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static JsonNode patch(Node node, String path, Object body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(node.base().resolve(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static JsonNode send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    synchronized (answers) {
      answers.add(r.body());
    }
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }
}
