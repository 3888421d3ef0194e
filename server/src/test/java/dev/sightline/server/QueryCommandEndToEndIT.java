package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.server.cli.QueryCommand;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * {@code sightline query} as a script runs it against a running server: the real server over a real
 * PostgreSQL, synced from a simulated CrowdStrike tenant; the command run in-process with its
 * environment (SIGHTLINE_URL, SIGHTLINE_TOKEN) given and its output captured. Every run also checks
 * that the token appears in none of its output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CS_FINDINGS =
      "findings.vendorProductname:\"CrowdStrike Endpoint Security\"";

  private CrowdStrikeSimulator falcon;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40));
    server = new TestServer("127.0.0.1", Optional.of(falcon.caCertificatePem()));
    TestServer.Response made =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type", "crowdstrike",
                "name", "Falcon cli",
                "auth",
                    Map.of(
                        "url", falcon.baseUrl().toString(),
                        "clientId", "sim-client",
                        "clientSecret", "sim-secret")));
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    assertThat(server.runToEnd(made.json().path("id").asText()).path("state").asText())
        .isEqualTo("PROCESSED");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    falcon.close();
  }

  @Test
  void aTableShowsTheFirstRowsInTheAskedOrderAndTheExactTotal() {
    long total = exactTotal("findings", "");
    assertThat(total).isGreaterThan(5);

    Run run = query(env(), "--limit", "5", "--sort", "-finding.qds");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).trim().split("\\s+"))
        .containsExactly("id", "hostName", "cveId", "qds", "state", "name");
    assertThat(lines.get(1)).matches("[- ]+");
    assertThat(lines).hasSize(2 + 5 + 1);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("5 of " + total + " findings (total exact)");
    List<Integer> qds = new ArrayList<>();
    for (String row : lines.subList(2, 7)) {
      qds.add(Integer.parseInt(row.trim().split("\\s+")[2 + 1]));
    }
    assertThat(qds).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  @Test
  void aFindingsTableShowsEachFindingsHostFromItsAsset() {
    Run run = query(env(), "--limit", "20", "--columns", "id,assetId,hostName", CS_FINDINGS);

    assertThat(run.code()).as(run.err()).isZero();
    List<String> rows = run.out().lines().toList();
    rows = rows.subList(2, rows.size() - 1);
    assertThat(rows).hasSize(20);
    for (String row : rows) {
      String[] cells = row.trim().split("\\s+");
      String host = server.get("/api/v1/assets/" + cells[1]).json().path("hostName").asText();
      assertThat(host).isNotBlank();
      assertThat(cells).as(row).hasSize(3);
      assertThat(cells[2]).isEqualTo(host);
    }
  }

  @Test
  void anAssetsTablePagesWithKeysetCursorsPastOnePage() {
    long total = exactTotal("assets", "");
    Run run = query(env(), "--entity", "assets", "--limit", "10000");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).trim().split("\\s+"))
        .containsExactly("id", "hostName", "type", "os", "riskScore", "riskBand");
    assertThat(lines).hasSize(2 + (int) total + 1);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(total + " of " + total + " assets (total exact)");
  }

  @Test
  void csvCarriesExactlyTheQuerysRows() {
    Set<Long> expected = ids("findings", CS_FINDINGS);
    assertThat((long) expected.size()).isEqualTo(exactTotal("findings", CS_FINDINGS)).isPositive();

    Run run = query(env(), "--format", "csv", "--columns", "id,cveId,qds", CS_FINDINGS);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,cveId,qds");
    Set<Long> got = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(got.add(Long.parseLong(line.split(",")[0]))).as("each row once").isTrue();
    }
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void aLimitStopsAnExportAfterThatManyRows() throws Exception {
    Run csv = query(env(), "--format", "csv", "--limit", "7");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out().lines().count()).isEqualTo(1 + 7);

    Run ndjson = query(env(), "--format", "ndjson", "--limit", "3", "--entity", "assets");
    assertThat(ndjson.code()).as(ndjson.err()).isZero();
    assertThat(ndjson.out().lines().toList())
        .hasSize(3)
        .allSatisfy(l -> assertThat(JSON.readTree(l).path("id").isNumber()).isTrue());

    Run json = query(env(), "--format", "json", "--limit", "4", "--columns", "id,hostName");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode array = JSON.readTree(json.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(4);
    assertThat(array.get(0).has("hostName")).isTrue();
  }

  @Test
  void jsonAndNdjsonParseAndHoldEveryRow() throws Exception {
    String q = "asset.riskScore >= 0";
    long total = exactTotal("assets", q);

    Run json = query(env(), "--entity", "assets", "--format", "json", q);
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode array = JSON.readTree(json.out());
    assertThat(array.isArray()).isTrue();
    assertThat((long) array.size()).isEqualTo(total).isPositive();

    Run ndjson = query(env(), "--entity", "assets", "--format", "ndjson", q);
    assertThat(ndjson.code()).as(ndjson.err()).isZero();
    List<String> lines = ndjson.out().lines().toList();
    assertThat((long) lines.size()).isEqualTo(total);
    for (String line : lines) {
      assertThat(JSON.readTree(line).path("id").isNumber()).isTrue();
    }
  }

  @Test
  void aBadQueryExitsWith2AndSaysWhere() {
    Run run = query(env(), "--format", "csv", "inventory:(source:\"x\"");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("sightline query: ").contains("line 1, column");

    Run table = query(env(), "finding.hostNme:x");
    assertThat(table.code()).isEqualTo(2);
    assertThat(table.err()).contains("finding.hostNme");

    Run column = query(env(), "--format", "csv", "--columns", "id,nope");
    assertThat(column.code()).isEqualTo(2);
    assertThat(column.err()).contains("columns has unknown columns [nope]");
  }

  @Test
  void aWrongOrMissingTokenExitsWith3NamingTheVariable() {
    String wrong = "not-the-token-4242424242";
    Run refused =
        query(Map.of("SIGHTLINE_URL", server.base.toString(), "SIGHTLINE_TOKEN", wrong), "");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("SIGHTLINE_TOKEN").contains("401");
    assertThat(refused.out() + refused.err()).doesNotContain(wrong);

    Run missing = query(Map.of("SIGHTLINE_URL", server.base.toString()), "--format", "csv");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("SIGHTLINE_TOKEN is not set");
  }

  @Test
  void anUnreachableServerExitsWith4NamingTheUrl() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    Run run =
        query(
            Map.of("SIGHTLINE_URL", url, "SIGHTLINE_TOKEN", TestServer.TOKEN),
            "--format",
            "ndjson");

    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err()).contains(url).contains("connection refused").contains("SIGHTLINE_URL");
  }

  @Test
  void anHttpsServerSignedByAPrivateCaIsTrustedOnlyWithSightlineExtraCaFile() throws Exception {
    // The simulator serves HTTPS with its own CA: not Sightline, but the handshake is the point.
    String url = falcon.baseUrl().toString();
    Run untrusted =
        query(Map.of("SIGHTLINE_URL", url, "SIGHTLINE_TOKEN", TestServer.TOKEN), "--limit", "1");
    assertThat(untrusted.code()).isEqualTo(4);
    assertThat(untrusted.err())
        .contains("TLS")
        .contains("SIGHTLINE_EXTRA_CA_FILE")
        .contains("was issued by CN=CrowdStrike Simulator CA ")
        .contains("a CA that is not trusted");

    java.nio.file.Path ca = java.nio.file.Files.createTempFile("sim-ca", ".pem");
    java.nio.file.Files.writeString(ca, falcon.caCertificatePem());
    Run trusted =
        query(
            Map.of(
                "SIGHTLINE_URL",
                url,
                "SIGHTLINE_TOKEN",
                TestServer.TOKEN,
                "SIGHTLINE_EXTRA_CA_FILE",
                ca.toString()),
            "--limit",
            "1");
    assertThat(trusted.code()).as(trusted.err()).isNotEqualTo(4).isNotZero();
    assertThat(trusted.err()).contains("HTTP").doesNotContain("TLS");
  }

  private Map<String, String> env() {
    return Map.of("SIGHTLINE_URL", server.base.toString(), "SIGHTLINE_TOKEN", TestServer.TOKEN);
  }

  private record Run(int code, String out, String err) {}

  /** The command in-process, as `./sightline query ARGS` with this environment. */
  private static Run query(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new QueryCommand(env))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    Run run = new Run(code, out.toString(), err.toString());
    assertThat(run.out() + run.err())
        .as("no output holds the token")
        .doesNotContain(TestServer.TOKEN);
    String token = env.get("SIGHTLINE_TOKEN");
    if (token != null) {
      assertThat(run.out() + run.err()).doesNotContain(token);
    }
    return run;
  }

  private long exactTotal(String entity, String q) {
    return server
        .get("/api/v1/" + entity + "?size=1&count=exact&q=" + enc(q))
        .json()
        .path("total")
        .asLong();
  }

  private Set<Long> ids(String entity, String q) {
    Set<Long> ids = new HashSet<>();
    String after = null;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/"
                      + entity
                      + "?size=1000&q="
                      + enc(q)
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    return ids;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
