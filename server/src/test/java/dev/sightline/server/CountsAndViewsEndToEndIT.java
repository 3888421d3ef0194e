package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Counts and saved views over a real inventory synced from both simulators, whose fleets overlap so
 * some machines are reported by both: counts by source match the seeds' four queries (a record both
 * report counts in both groups), and saved views are private or shared, changed only by their owner
 * or an admin, and refused at save when their query cannot run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountsAndViewsEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CS_ASSETS = "inventory:(source:\"CrowdStrike Spotlight\")";
  private static final String CX_ASSETS = "inventory:(source:\"Palo Alto Networks\")";
  private static final String CS_FINDINGS =
      "findings.vendorProductname:\"CrowdStrike Endpoint Security\"";
  private static final String CX_FINDINGS = "findings.vendorProductname:\"Cortex XDR\"";

  private CrowdStrikeSimulator falcon;
  private CortexXdrSimulator cortex;
  private TestServer server;
  private String alice;
  private String bob;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40));
    cortex = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40).withOffset(20));
    server =
        new TestServer(
            "127.0.0.1", Optional.of(falcon.caCertificatePem() + "\n" + cortex.caCertificatePem()));
    String cs =
        create(
            Map.of(
                "type", "crowdstrike",
                "name", "Falcon counts",
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
    String cx = create(Map.of("type", "cortex-xdr", "name", "Cortex counts", "auth", auth));
    for (String id : List.of(cs, cx)) {
      assertThat(server.runToEnd(id).path("state").asText()).isEqualTo("PROCESSED");
    }
    Accounts accounts = new Accounts(server);
    alice = accounts.tokenOfNewUser("alice", "ANALYST");
    bob = accounts.tokenOfNewUser("bob", "ANALYST");
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

  // ---- counts ----

  private JsonNode count(String entity, String q, String groupBy) {
    TestServer.Response r =
        server.get(
            "/api/v1/"
                + entity
                + "/count?"
                + (q == null ? "" : "q=" + enc(q))
                + (groupBy == null ? "" : "&groupBy=" + enc(groupBy)));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  private long total(String entity, String q) {
    return count(entity, q, null).path("total").asLong();
  }

  private long listingTotal(String entity, String q) {
    return server
        .get("/api/v1/" + entity + "?size=1&count=exact&q=" + enc(q))
        .json()
        .path("total")
        .asLong();
  }

  private static Map<String, Long> groups(JsonNode answer) {
    Map<String, Long> out = new LinkedHashMap<>();
    answer
        .path("groups")
        .forEach(g -> out.put(g.path("key").asText(null), g.path("count").asLong()));
    return out;
  }

  @Test
  void aCountWithoutAKeyIsTheExactTotalAlone() throws Exception {
    JsonNode all = count("findings", null, null);
    assertThat(JSON.writeValueAsString(all)).matches("\\{\"total\":\\d+}");
    assertThat(all.path("total").asLong()).isPositive().isEqualTo(listingTotal("findings", ""));
    assertThat(total("assets", CS_ASSETS)).isEqualTo(listingTotal("assets", CS_ASSETS));
    assertThat(total("findings", CX_FINDINGS)).isEqualTo(listingTotal("findings", CX_FINDINGS));
  }

  @Test
  void assetsBySourceMatchTheSeedsQueriesAndSharedMachinesCountTwice() {
    JsonNode bySource = count("assets", null, "source");
    assertThat(bySource.path("groupBy").asText()).isEqualTo("source");
    assertThat(bySource.path("truncated").asBoolean()).isFalse();
    Map<String, Long> groups = groups(bySource);
    assertThat(groups.keySet())
        .containsExactlyInAnyOrder("CrowdStrike Spotlight", "Palo Alto Networks");
    long cs = total("assets", CS_ASSETS);
    long cx = total("assets", CX_ASSETS);
    long both = total("assets", CS_ASSETS + " AND " + CX_ASSETS);
    assertThat(both).as("the fleets overlap").isPositive();
    assertThat(groups.get("CrowdStrike Spotlight")).isEqualTo(cs);
    assertThat(groups.get("Palo Alto Networks")).isEqualTo(cx);
    assertThat(cs + cx - both).isEqualTo(bySource.path("total").asLong());
  }

  @Test
  void findingsBySourceMatchTheSeedsQueriesAndCountTwiceWhenBothDetect() {
    JsonNode bySource = count("findings", null, "source");
    Map<String, Long> groups = groups(bySource);
    long cs = total("findings", CS_FINDINGS);
    long cx = total("findings", CX_FINDINGS);
    long both = total("findings", CS_FINDINGS + " AND " + CX_FINDINGS);
    assertThat(groups.get("CrowdStrike Spotlight")).isPositive().isEqualTo(cs);
    assertThat(groups.get("Palo Alto Networks")).isPositive().isEqualTo(cx);
    assertThat(groups.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(bySource.path("total").asLong() + both);
    Map<String, Long> byConnector = groups(count("findings", null, "connector"));
    assertThat(byConnector).containsEntry("Falcon counts", cs).containsEntry("Cortex counts", cx);
  }

  @Test
  void groupsComeLargestFirstAndNarrowWithTheQuery() {
    JsonNode bySeverity = count("findings", CX_FINDINGS, "severity");
    assertThat(bySeverity.path("total").asLong()).isEqualTo(total("findings", CX_FINDINGS));
    List<Long> counts = new ArrayList<>(groups(bySeverity).values());
    assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(counts.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(bySeverity.path("total").asLong());
    for (String key : groups(bySeverity).keySet()) {
      assertThat(total("findings", CX_FINDINGS + " AND finding.severity:" + key))
          .isEqualTo(groups(bySeverity).get(key));
    }
    JsonNode byWeek = count("findings", null, "firstFound:week");
    assertThat(byWeek.path("groupBy").asText()).isEqualTo("firstFound:week");
    assertThat(groups(byWeek).keySet())
        .allMatch(k -> k == null || k.matches("\\d{4}-\\d{2}-\\d{2}"));
  }

  @Test
  void anUnknownKeyIsA400NamingTheFieldAndTheKeys() {
    TestServer.Response bad = server.get("/api/v1/findings/count?groupBy=hostName");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("problems").get(0).path("field").asText()).isEqualTo("groupBy");
    assertThat(bad.text()).contains("hostName", "severity", "qdsBand", "fixedOn:day|week|month");
    TestServer.Response badQuery =
        server.get("/api/v1/assets/count?groupBy=type&q=" + enc("asset.type:("));
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.text()).contains("column");
  }

  // ---- saved views ----

  private TestServer.Response as(String token, String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(server.uri(path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      return server.sendAs(token, request);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> view(
      String name, String entity, String query, boolean shared) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("entity", entity);
    v.put("query", query);
    v.put("sort", "-finding.qds");
    v.put("columns", List.of("id", "cveId", "qds"));
    v.put("shared", shared);
    return v;
  }

  private List<String> names(String token) {
    TestServer.Response list = as(token, "GET", "/api/v1/views", null);
    assertThat(list.status()).isEqualTo(200);
    return list.json().findValuesAsText("name");
  }

  @Test
  void aPrivateViewIsItsOwnersAloneAndASharedOneIsReadByAllButChangedByItsOwner() {
    TestServer.Response mine =
        as(
            alice,
            "POST",
            "/api/v1/views",
            view("Falcon critical", "findings", CS_FINDINGS + " AND finding.qds >= 70", false));
    assertThat(mine.status()).as(mine.text()).isEqualTo(201);
    JsonNode made = mine.json();
    assertThat(made.path("entity").asText()).isEqualTo("FINDINGS");
    assertThat(made.path("owner").asText()).isEqualTo("alice");
    assertThat(made.path("sort").asText()).isEqualTo("-finding.qds");
    assertThat(made.path("columns").toString()).isEqualTo("[\"id\",\"cveId\",\"qds\"]");
    String privateId = made.path("id").asText();
    Map<String, Object> sharedBody = view("Cortex assets", "ASSETS", CX_ASSETS, true);
    sharedBody.put("sort", "-asset.riskScore");
    sharedBody.put("columns", List.of("id", "hostName"));
    TestServer.Response shared = as(alice, "POST", "/api/v1/views", sharedBody);
    assertThat(shared.status()).as(shared.text()).isEqualTo(201);
    String sharedId = shared.json().path("id").asText();

    // Names are unique per owner: alice cannot reuse one, bob can.
    assertThat(
            as(alice, "POST", "/api/v1/views", view("FALCON critical", "findings", "", false))
                .status())
        .isEqualTo(409);
    TestServer.Response bobs =
        as(bob, "POST", "/api/v1/views", view("Falcon critical", "findings", "", false));
    assertThat(bobs.status()).as(bobs.text()).isEqualTo(201);

    assertThat(names(alice)).contains("Falcon critical", "Cortex assets");
    assertThat(names(bob)).contains("Cortex assets", "Falcon critical");
    assertThat(as(bob, "GET", "/api/v1/views", null).json().findValuesAsText("id"))
        .doesNotContain(privateId)
        .contains(sharedId);
    assertThat(as(bob, "GET", "/api/v1/views/" + privateId, null).status()).isEqualTo(404);
    assertThat(as(bob, "PATCH", "/api/v1/views/" + privateId, Map.of("name", "mine")).status())
        .isEqualTo(404);
    assertThat(as(bob, "DELETE", "/api/v1/views/" + privateId, null).status()).isEqualTo(404);

    assertThat(as(bob, "GET", "/api/v1/views/" + sharedId, null).json().path("query").asText())
        .isEqualTo(CX_ASSETS);
    TestServer.Response refused =
        as(bob, "PATCH", "/api/v1/views/" + sharedId, Map.of("query", ""));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("alice");
    assertThat(as(bob, "DELETE", "/api/v1/views/" + sharedId, null).status()).isEqualTo(403);

    TestServer.Response renamed =
        as(
            alice,
            "PATCH",
            "/api/v1/views/" + privateId,
            Map.of("name", "Falcon urgent", "shared", true));
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("Falcon urgent");
    assertThat(renamed.json().path("query").asText())
        .isEqualTo(CS_FINDINGS + " AND finding.qds >= 70");
    assertThat(as(bob, "GET", "/api/v1/views/" + privateId, null).status())
        .as("shared now")
        .isEqualTo(200);

    // The admin may remove anyone's view.
    assertThat(server.delete("/api/v1/views/" + sharedId).status()).isEqualTo(204);
    assertThat(as(alice, "DELETE", "/api/v1/views/" + privateId, null).status()).isEqualTo(204);
    assertThat(as(alice, "GET", "/api/v1/views/" + privateId, null).status()).isEqualTo(404);
    assertThat(names(alice)).doesNotContain("Falcon urgent", "Cortex assets");

    JsonNode audit = server.get("/api/v1/audit?action=view.&size=100").json();
    List<String> entries = new ArrayList<>();
    audit
        .path("items")
        .forEach(
            e ->
                entries.add(
                    e.path("action").asText()
                        + " "
                        + e.path("outcome").asText()
                        + " "
                        + e.path("actor").asText()));
    assertThat(entries)
        .contains(
            "view.create SUCCEEDED alice",
            "view.create REFUSED alice",
            "view.edit SUCCEEDED alice",
            "view.edit REFUSED bob",
            "view.delete REFUSED bob",
            "view.delete SUCCEEDED admin",
            "view.delete SUCCEEDED alice");
  }

  @Test
  void aViewThatCannotRunIsRefusedWhenSaved() {
    TestServer.Response badQuery =
        as(alice, "POST", "/api/v1/views", view("broken", "findings", "finding.qds >= (", false));
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.json().path("problems").get(0).path("message").asText())
        .contains("line 1, column");
    TestServer.Response unknownToken =
        as(alice, "POST", "/api/v1/views", view("broken", "assets", "asset.hostNme:x", false));
    assertThat(unknownToken.status()).isEqualTo(400);
    assertThat(unknownToken.text()).contains("asset.hostNme");
    Map<String, Object> badColumns = view("broken", "findings", "", false);
    badColumns.put("columns", List.of("id", "password"));
    TestServer.Response columns = as(alice, "POST", "/api/v1/views", badColumns);
    assertThat(columns.status()).isEqualTo(400);
    assertThat(columns.text()).contains("password", "cveId");
    Map<String, Object> badSort = view("broken", "assets", "", false);
    TestServer.Response sort = as(alice, "POST", "/api/v1/views", badSort);
    assertThat(sort.status()).as("-finding.qds does not sort assets").isEqualTo(400);
    assertThat(as(alice, "POST", "/api/v1/views", view("broken", "hosts", "", false)).status())
        .isEqualTo(400);
    assertThat(names(alice)).doesNotContain("broken");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
