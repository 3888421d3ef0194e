package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the API: a connector's life (draft test, create, a create the test refused,
 * test, run, an edit the test refused, a secret rotated, delete), a decision, a criticality, the
 * weights and a transform-map reset each leave an entry with who, from where, what and the values
 * before and after; no secret appears in the log; the log can only be read.
 */
class AuditEndToEndIT {
  private static final String SECRET = "audit-known-secret-3f8a";
  private static final String WRONG = "audit-wrong-secret-91c0";
  private static final String ROTATED = "audit-rotated-secret-d27b";
  private static final String MASK = "********";

  private static Map<String, Object> connector(CrowdStrikeSimulator sim, String secret) {
    return Map.of(
        "type",
        "crowdstrike",
        "name",
        "Audited Falcon",
        "auth",
        Map.of("url", sim.baseUrl().toString(), "clientId", "sim-client", "clientSecret", secret));
  }

  private static List<JsonNode> items(TestServer.Response page) {
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    page.json().path("items").forEach(out::add);
    return out;
  }

  /** The one entry of this action and outcome (newest first, so the latest if several). */
  private static JsonNode entry(List<JsonNode> entries, String action, String outcome) {
    return entries.stream()
        .filter(e -> e.path("action").asText().equals(action))
        .filter(e -> e.path("outcome").asText().equals(outcome))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " " + outcome + " in " + entries));
  }

  @Test
  void shouldRecordEveryChangeWithItsValuesAndNoSecret() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(20).withCredentials("sim-client", SECRET));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      var draftTest = server.post("/api/v1/connectors/test", connector(sim, SECRET));
      assertThat(draftTest.json().path("passed").asBoolean()).as(draftTest.text()).isTrue();
      var created = server.post("/api/v1/connectors", connector(sim, SECRET));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      String id = created.json().path("id").asText();
      var refusedCreate =
          server.post(
              "/api/v1/connectors",
              Map.of(
                  "type",
                  "crowdstrike",
                  "name",
                  "Wrong Falcon",
                  "auth",
                  Map.of(
                      "url",
                      sim.baseUrl().toString(),
                      "clientId",
                      "sim-client",
                      "clientSecret",
                      WRONG)));
      assertThat(refusedCreate.status()).as(refusedCreate.text()).isEqualTo(422);
      var tested = server.post("/api/v1/connectors/" + id + "/test", "");
      assertThat(tested.json().path("passed").asBoolean()).as(tested.text()).isTrue();
      JsonNode run = server.runToEnd(id);
      assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");

      long findingId =
          server
              .get("/api/v1/findings?size=1&connectorId=" + id)
              .json()
              .path("items")
              .get(0)
              .path("id")
              .asLong();
      var decided =
          server.post(
              "/api/v1/findings/" + findingId + "/decision",
              Map.of("decision", "FALSE_POSITIVE", "note", "audited"));
      assertThat(decided.status()).as(decided.text()).isEqualTo(200);
      long assetId =
          server
              .get("/api/v1/assets?size=1&connectorId=" + id)
              .json()
              .path("items")
              .get(0)
              .path("id")
              .asLong();
      var critical =
          server.put(
              "/api/v1/assets/" + assetId + "/criticality",
              Map.of("criticality", 5, "note", "crown jewel"));
      assertThat(critical.status()).as(critical.text()).isEqualTo(200);
      var weights =
          server.put(
              "/api/v1/scoring/weights", Map.of("critical", 9, "high", 4, "medium", 2, "low", 1));
      assertThat(weights.status()).as(weights.text()).isEqualTo(200);
      var reset = server.delete("/api/v1/connectors/" + id + "/transform-maps");
      assertThat(reset.status()).as(reset.text()).isEqualTo(200);

      var refusedEdit =
          server.patch("/api/v1/connectors/" + id, Map.of("auth", Map.of("clientSecret", WRONG)));
      assertThat(refusedEdit.status()).as(refusedEdit.text()).isEqualTo(422);
      Map<String, Object> rotate = new LinkedHashMap<>();
      rotate.put("auth", Map.of("clientSecret", ROTATED));
      rotate.put("draft", true); // saved untested: the simulator knows only the first secret
      var rotated = server.patch("/api/v1/connectors/" + id, rotate);
      assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
      var deleted = server.delete("/api/v1/connectors/" + id + "?data=keep");
      assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);

      var answer = server.get("/api/v1/audit?size=100");
      List<JsonNode> entries = items(answer);

      assertThat(answer.text())
          .as("no secret, right, wrong or rotated, appears anywhere in the audit log")
          .doesNotContain(SECRET, WRONG, ROTATED);
      assertThat(entries)
          .extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText())
          .as("newest first")
          .containsExactly(
              "connector.delete SUCCEEDED",
              "connector.edit SUCCEEDED",
              "connector.edit REFUSED",
              "transform-map.delete SUCCEEDED",
              "scoring.weights SUCCEEDED",
              "asset.criticality SUCCEEDED",
              "finding.decision SUCCEEDED",
              "run.start SUCCEEDED",
              "connector.test SUCCEEDED",
              "connector.create REFUSED",
              "connector.create SUCCEEDED",
              "connector.test SUCCEEDED");
      assertThat(answer.json().path("total").asLong()).isEqualTo(entries.size());
      for (JsonNode e : entries) {
        // The bootstrap token is the first admin's.
        assertThat(e.path("actor").asText()).as(e.toString()).isEqualTo("admin");
        assertThat(e.path("address").asText()).as(e.toString()).isEqualTo("127.0.0.1");
        assertThat(e.path("at").asText()).isNotBlank();
      }

      JsonNode create = entry(entries, "connector.create", "SUCCEEDED");
      assertThat(create.path("target").asText()).isEqualTo("Audited Falcon");
      assertThat(create.path("before").isNull()).as("a create has no before").isTrue();
      assertThat(create.path("after").path("id").asText()).isEqualTo(id);
      assertThat(create.path("after").path("auth").path("clientId").asText())
          .isEqualTo("sim-client");
      assertThat(create.path("after").path("auth").path("clientSecret").asText()).isEqualTo(MASK);

      JsonNode refused = entry(entries, "connector.create", "REFUSED");
      assertThat(refused.path("target").asText()).isEqualTo("Wrong Falcon");
      assertThat(refused.path("after").isNull()).isTrue();
      assertThat(refused.path("detail").asText()).contains("connection test failed");

      JsonNode test = entries.get(8);
      assertThat(test.path("target").asText()).isEqualTo(id);
      assertThat(test.path("after").path("passed").asBoolean()).isTrue();

      JsonNode started = entry(entries, "run.start", "SUCCEEDED");
      assertThat(started.path("target").asText()).isEqualTo(id);
      assertThat(started.path("after").path("runId").asText())
          .isEqualTo(run.path("runId").asText());

      JsonNode decision = entry(entries, "finding.decision", "SUCCEEDED");
      assertThat(decision.path("target").asText()).isEqualTo(Long.toString(findingId));
      assertThat(decision.path("before").path("decision").isNull()).isTrue();
      assertThat(decision.path("after").path("decision").asText()).isEqualTo("FALSE_POSITIVE");

      JsonNode criticality = entry(entries, "asset.criticality", "SUCCEEDED");
      assertThat(criticality.path("target").asText()).isEqualTo(Long.toString(assetId));
      assertThat(criticality.path("before").path("criticalitySetByUser").asBoolean()).isFalse();
      assertThat(criticality.path("after").path("criticality").asInt()).isEqualTo(5);

      JsonNode weighted = entry(entries, "scoring.weights", "SUCCEEDED");
      assertThat(weighted.path("after").path("critical").decimalValue()).isEqualByComparingTo("9");
      assertThat(weighted.path("before").path("critical").decimalValue())
          .isNotEqualByComparingTo("9");

      JsonNode mapsReset = entry(entries, "transform-map.delete", "SUCCEEDED");
      assertThat(mapsReset.path("before").path("maps").size()).isPositive();
      assertThat(mapsReset.path("after").path("maps").size()).isPositive();

      JsonNode wrongEdit = entry(entries, "connector.edit", "REFUSED");
      assertThat(wrongEdit.path("detail").asText())
          .contains("clientSecret")
          .contains("connection test failed");
      JsonNode rotation = entry(entries, "connector.edit", "SUCCEEDED");
      assertThat(rotation.path("target").asText()).isEqualTo(id);
      assertThat(rotation.path("detail").asText()).contains("new secret value for clientSecret");
      assertThat(rotation.path("before").path("draft").asBoolean()).isFalse();
      assertThat(rotation.path("after").path("draft").asBoolean()).isTrue();
      assertThat(rotation.path("after").path("auth").path("clientSecret").asText()).isEqualTo(MASK);

      JsonNode delete = entry(entries, "connector.delete", "SUCCEEDED");
      assertThat(delete.path("detail").asText()).isEqualTo("data=keep");
      assertThat(delete.path("before").path("name").asText()).isEqualTo("Audited Falcon");
      assertThat(delete.path("after").path("data").asText()).isEqualTo("keep");
    }
  }

  @Test
  void shouldFilterAndOnlyEverBeRead() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(5).withCredentials("sim-client", SECRET));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      String id =
          server.post("/api/v1/connectors", connector(sim, SECRET)).json().path("id").asText();
      server.put(
          "/api/v1/scoring/weights", Map.of("critical", 8, "high", 4, "medium", 2, "low", 1));
      server.delete("/api/v1/connectors/" + id + "?data=purge");

      assertThat(items(server.get("/api/v1/audit?action=connector.")))
          .extracting(e -> e.path("action").asText())
          .containsExactly("connector.delete", "connector.create");
      assertThat(items(server.get("/api/v1/audit?action=scoring.weights"))).hasSize(1);
      assertThat(items(server.get("/api/v1/audit?actor=nobody-of-that-name"))).isEmpty();
      assertThat(items(server.get("/api/v1/audit?actor=admin&action=connector.")))
          .extracting(e -> e.path("action").asText())
          .containsExactly("connector.delete", "connector.create");
      String at =
          items(server.get("/api/v1/audit?action=scoring.weights")).get(0).path("at").asText();
      assertThat(items(server.get("/api/v1/audit?from=" + at)))
          .extracting(e -> e.path("action").asText())
          .containsExactly("connector.delete", "scoring.weights");
      assertThat(items(server.get("/api/v1/audit?to=" + at)))
          .extracting(e -> e.path("action").asText())
          .containsExactly("connector.create");
      var paged = server.get("/api/v1/audit?size=1&page=1");
      assertThat(paged.json().path("total").asLong()).isEqualTo(3);
      assertThat(items(paged))
          .extracting(e -> e.path("action").asText())
          .containsExactly("scoring.weights");

      for (String field : List.of("from", "to")) {
        var bad = server.get("/api/v1/audit?" + field + "=yesterday");
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.json().path("problems").get(0).path("field").asText()).isEqualTo(field);
        assertThat(bad.json().path("detail").asText()).contains("ISO-8601");
      }

      for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
        var refused =
            server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/audit"))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        // The access rules refuse a method no rule names (403) before MVC would answer that no
        // such mapping exists (405); either way nothing reaches the log.
        assertThat(refused.status()).as(method + " " + refused.text()).isIn(403, 405);
      }
      assertThat(items(server.get("/api/v1/audit"))).as("nothing changed").hasSize(3);
    }
  }
}
