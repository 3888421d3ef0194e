package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The query language over a real inventory synced from both simulators: the seeds' four filter
 * tokens return exactly each source's records, bad queries are 400s with a position, keyset pages
 * walk the whole result, and an export carries exactly the query's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEndToEndIT {
  private CrowdStrikeSimulator falcon;
  private CortexXdrSimulator cortex;
  private TestServer server;
  private String cs;
  private String cx;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(120));
    cortex = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(120).withOffset(60));
    server =
        new TestServer(
            "127.0.0.1", Optional.of(falcon.caCertificatePem() + "\n" + cortex.caCertificatePem()));
    cs =
        create(
            Map.of(
                "type", "crowdstrike",
                "name", "Falcon q",
                "auth",
                    Map.of(
                        "url", falcon.baseUrl().toString(),
                        "clientId", "sim-client",
                        "clientSecret", "sim-secret")));
    Map<String, Object> auth = new HashMap<>();
    auth.put("url", cortex.baseUrl().toString());
    auth.put("apiKeyId", cortex.options().keyId());
    auth.put("apiKey", cortex.options().key());
    auth.put("securityLevel", cortex.options().security().wire());
    cx = create(Map.of("type", "cortex-xdr", "name", "Cortex q", "auth", auth));
    for (String id : List.of(cs, cx)) {
      assertThat(server.runToEnd(id).path("state").asText()).isEqualTo("PROCESSED");
    }
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    falcon.close();
    cortex.close();
  }

  private String create(Map<String, Object> body) {
    TestServer.Response made = server.post("/api/v1/connectors", body);
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  @Test
  void theSeedsFourExamplesReturnExactlyEachSourcesRecords() {
    assertThat(ids("/api/v1/assets", "inventory:(source:\"CrowdStrike Spotlight\")"))
        .isNotEmpty()
        .isEqualTo(ids("/api/v1/assets?connectorId=" + cs, null));
    assertThat(ids("/api/v1/assets", "inventory:(source:\"Palo Alto Networks\")"))
        .isNotEmpty()
        .isEqualTo(ids("/api/v1/assets?connectorId=" + cx, null));
    assertThat(
            ids("/api/v1/findings", "findings.vendorProductname:\"CrowdStrike Endpoint Security\""))
        .isNotEmpty()
        .isEqualTo(findingsDetectedBy(cs));
    assertThat(ids("/api/v1/findings", "findings.vendorProductname:\"Cortex XDR\""))
        .isNotEmpty()
        .isEqualTo(findingsDetectedBy(cx));
  }

  @Test
  void aQueryNarrowsAndTheTotalIsExactWhenAskedFor() {
    JsonNode all = server.get("/api/v1/findings?size=1&count=exact").json();
    JsonNode critical =
        server.get("/api/v1/findings?size=1&count=exact&q=" + enc("finding.qds >= 90")).json();
    assertThat(critical.path("totalExact").asBoolean()).isTrue();
    assertThat(critical.path("total").asLong()).isLessThan(all.path("total").asLong());
    JsonNode page = server.get("/api/v1/findings?size=200&q=" + enc("finding.qds >= 90")).json();
    for (JsonNode f : page.path("items")) {
      assertThat(f.path("qds").asInt()).isGreaterThanOrEqualTo(90);
    }
  }

  @Test
  void keysetPagesWalkTheWholeResultOnceInOrder() {
    long total = server.get("/api/v1/findings?size=1&count=exact").json().path("total").asLong();
    Set<Long> seen = new HashSet<>();
    String after = null;
    int previous = Integer.MAX_VALUE;
    int pages = 0;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/findings?size=97&sort=-finding.qds"
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      for (JsonNode f : page.path("items")) {
        assertThat(seen.add(f.path("id").asLong())).as("each finding once").isTrue();
        int qds = f.path("qds").isNull() ? Integer.MIN_VALUE : f.path("qds").asInt();
        assertThat(qds).as("highest QDS first").isLessThanOrEqualTo(previous);
        previous = qds;
      }
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
      pages++;
    } while (after != null && pages < 1000);
    assertThat((long) seen.size()).isEqualTo(total);
  }

  @Test
  void aBadQueryIsA400NamingThePositionAndNeverSql() {
    TestServer.Response bad = server.get("/api/v1/assets?q=" + enc("inventory:(source:\"x\""));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("column").doesNotContainIgnoringCase("select ");
    TestServer.Response unknown = server.get("/api/v1/findings?q=" + enc("finding.hostNme:x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text()).contains("finding.hostNme");
  }

  @Test
  void anExportCarriesExactlyTheQuerysRows() {
    String q = "findings.vendorProductname:\"Cortex XDR\"";
    long total =
        server.get("/api/v1/findings?size=1&count=exact&q=" + enc(q)).json().path("total").asLong();
    TestServer.Response csv =
        server.get("/api/v1/findings/export?format=csv&columns=id,cveId,qds&q=" + enc(q));
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,cveId,qds");
    assertThat((long) lines.size() - 1).isEqualTo(total);
    TestServer.Response ndjson =
        server.get("/api/v1/assets/export?format=ndjson&q=" + enc("asset.riskScore >= 0"));
    assertThat(ndjson.text().lines().count())
        .isEqualTo(
            server
                .get("/api/v1/assets?size=1&count=exact&q=" + enc("asset.riskScore >= 0"))
                .json()
                .path("total")
                .asLong());
    assertThat(server.get("/api/v1/findings/export?columns=nope").status()).isEqualTo(400);
  }

  @Test
  void theTokenCatalogueListsEachTokenWithItsTypeAndOperators() {
    JsonNode tokens = server.get("/api/v1/query/tokens?entity=findings").json();
    assertThat(tokens.findValuesAsText("token"))
        .contains("finding.cveId", "findings.vendorProductname");
    JsonNode assets = server.get("/api/v1/query/tokens?entity=assets").json();
    assertThat(assets.findValuesAsText("token")).contains("asset.ip", "inventory.source");
  }

  private Set<Long> ids(String path, String q) {
    Set<Long> ids = new HashSet<>();
    String sep = path.contains("?") ? "&" : "?";
    String after = null;
    do {
      JsonNode page =
          server
              .get(
                  path
                      + sep
                      + "size=1000"
                      + (q == null ? "" : "&q=" + enc(q))
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    return ids;
  }

  private Set<Long> findingsDetectedBy(String connectorId) {
    Set<Long> ids = new HashSet<>();
    String after = null;
    do {
      JsonNode page =
          server
              .get("/api/v1/findings?size=1000" + (after == null ? "" : "&after=" + enc(after)))
              .json();
      for (JsonNode f : page.path("items")) {
        for (JsonNode d : f.path("detections")) {
          if (d.path("connectorId").asText().equals(connectorId)) {
            ids.add(f.path("id").asLong());
          }
        }
      }
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    return ids;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
