package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scores through the API: stored after a run and equal to the explanation; an asset's criticality,
 * a connector's severity mapping, the weights and imported intelligence each change exactly the
 * scores they should; bad settings are refused whole.
 */
class ScoringEndToEndIT {

  @Test
  void shouldKeepStoredScoresInStepWithEverySettingAndIntelligence() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(60));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      String connector =
          server
              .post(
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
              .json()
              .path("id")
              .asText();
      JsonNode run = CortexXdrEndToEndIT.runToEnd(server, connector);
      assertThat(run.path("counters").path("assetsScored").asLong())
          .isEqualTo(CortexXdrEndToEndIT.total(server, "/api/v1/assets"));
      assertThat(run.path("stageMillis").fieldNames())
          .toIterable()
          .containsExactly("fetch", "map", "write", "correlate", "lifecycle", "score");

      JsonNode top = server.get("/api/v1/assets?sort=risk&size=2").json().path("items");
      assertThat(top.get(0).path("riskScore").asInt())
          .isGreaterThanOrEqualTo(top.get(1).path("riskScore").asInt());
      long asset = top.get(0).path("id").asLong();
      assertStoredEqualsExplained(server, asset);

      // Criticality: set, refused when out of range, cleared.
      int before = top.get(0).path("riskScore").asInt();
      JsonNode set =
          server
              .put(
                  "/api/v1/assets/" + asset + "/criticality",
                  "{\"criticality\": 1, \"note\": \"lab machine\"}")
              .json();
      assertThat(set.path("criticality").asInt()).isEqualTo(1);
      assertThat(set.path("criticalitySetByUser").asBoolean()).isTrue();
      assertThat(set.path("riskScore").asInt()).isLessThanOrEqualTo(before);
      assertStoredEqualsExplained(server, asset);
      var refused = server.put("/api/v1/assets/" + asset + "/criticality", "{\"criticality\": 7}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text()).contains("1..5");
      JsonNode cleared =
          server.put("/api/v1/assets/" + asset + "/criticality", "{\"criticality\": null}").json();
      assertThat(cleared.path("criticalitySetByUser").asBoolean()).isFalse();
      assertThat(cleared.path("riskScore").asInt()).isEqualTo(before);

      // Severity mapping: the seed's defaults, a bad table refused whole, a new table applied.
      String mappingPath = "/api/v1/connectors/" + connector + "/severity-mapping";
      JsonNode defaults = server.get(mappingPath).json();
      assertThat(defaults.path("custom").asBoolean()).isFalse();
      assertThat(defaults.path("mapping").path("defaultSeverity").asInt()).isEqualTo(2);
      assertThat(defaults.path("mapping").path("qdsBySeverity").path("5").asInt()).isEqualTo(100);
      var bad =
          server.put(
              mappingPath,
              "{\"sourceValues\": [{\"value\": \"HIGH\", \"severity\": 9}],"
                  + " \"qdsBySeverity\": {\"1\": 20}, \"defaultSeverity\": 2}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.text()).contains("severity must be 1..5").contains("severity 2 has no QDS");
      assertThat(server.get(mappingPath).json().path("custom").asBoolean()).isFalse();
      var saved =
          server.put(
              mappingPath,
              "{\"sourceValues\": [], \"qdsBySeverity\": {\"1\": 5,"
                  + " \"2\": 7, \"3\": 9, \"4\": 11, \"5\": 13}, \"defaultSeverity\": 1}");
      assertThat(saved.status()).as(saved.text()).isEqualTo(200);
      awaitRescored(server);
      JsonNode mapped = server.get("/api/v1/findings?size=1000").json().path("items");
      for (JsonNode f : mapped) {
        if ("SEVERITY_MAPPING".equals(f.path("qdsMethod").asText())) {
          assertThat(f.path("qds").asInt()).as(f.toString()).isEqualTo(5);
        }
      }
      assertThat(server.delete(mappingPath).json().path("value").path("custom").asBoolean())
          .isFalse();
      awaitRescored(server);

      // Weights: refused when invalid, and every asset rescored when changed.
      assertThat(server.put("/api/v1/scoring/weights", "{\"critical\": 1}").status())
          .isEqualTo(400);
      assertThat(
              server
                  .put(
                      "/api/v1/scoring/weights",
                      "{\"critical\": 2, \"high\": 1, \"medium\": 0.5, \"low\": 0.25}")
                  .status())
          .isEqualTo(200);
      awaitRescored(server);
      assertThat(server.get("/api/v1/scoring/weights").json().path("critical").asDouble())
          .isEqualTo(2.0);
      assertStoredEqualsExplained(server, asset);

      // Intelligence imported through the server reaches stored findings and their scores.
      JsonNode finding =
          server.get("/api/v1/findings?size=1&status=NEW").json().path("items").get(0);
      String cve = finding.path("cveId").asText();
      String kev =
          """
          {"title": "CISA KEV", "catalogVersion": "2026.11.01",
           "dateReleased": "2026-11-01T12:00:00.000Z", "count": 1, "vulnerabilities": [
            {"cveID": "%s", "vendorProject": "Acme", "product": "Widget",
             "vulnerabilityName": "Acme Widget RCE", "dateAdded": "2026-10-30",
             "shortDescription": "x", "requiredAction": "Patch.", "dueDate": "2026-11-20",
             "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": []}]}
          """
              .formatted(cve);
      var imported =
          server.send(
              HttpRequest.newBuilder(server.uri("/api/v1/intel/imports?fileName=kev.json"))
                  .POST(HttpRequest.BodyPublishers.ofString(kev)));
      assertThat(imported.status()).as(imported.text()).isEqualTo(200);
      assertThat(imported.json().path("load").path("source").asText()).isEqualTo("KEV");
      awaitRescored(server);
      JsonNode enriched = server.get("/api/v1/findings/" + finding.path("id").asLong()).json();
      assertThat(enriched.path("intelligence").path("inKev").asBoolean()).isTrue();
      assertThat(enriched.path("intelligence").path("kevKnownRansomware").asBoolean()).isTrue();
      assertThat(enriched.path("qds").asInt()).isGreaterThanOrEqualTo(90);
      assertThat(enriched.path("qdsMethod").asText()).isEqualTo("THREAT_INTELLIGENCE");
      assertStoredEqualsExplained(server, enriched.path("assetId").asLong());
      assertThat(
              server
                  .send(
                      HttpRequest.newBuilder(server.uri("/api/v1/intel/imports?fileName=kev.json"))
                          .POST(HttpRequest.BodyPublishers.ofString("{\"not\": \"intel\"}")))
                  .status())
          .isEqualTo(400);
      assertThat(server.get("/api/v1/intel/loads").json()).hasSize(1);
    }
  }

  private static void awaitRescored(TestServer server) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode status = server.get("/api/v1/scoring/status").json();
              return status.path("pendingAssets").asLong() == 0
                  && !status.path("draining").asBoolean();
            });
  }

  private static void assertStoredEqualsExplained(TestServer server, long asset) {
    JsonNode stored = server.get("/api/v1/assets/" + asset).json();
    JsonNode explained = server.get("/api/v1/assets/" + asset + "/score").json();
    assertThat(explained.path("risk").path("score").asInt())
        .isEqualTo(stored.path("riskScore").asInt())
        .isEqualTo(explained.path("storedScore").asInt());
    assertThat(explained.path("risk").path("band").asText())
        .isEqualTo(stored.path("riskBand").asText());
    for (JsonNode line : explained.path("findings")) {
      JsonNode f = server.get("/api/v1/findings/" + line.path("findingId").asLong()).json();
      assertThat(f.path("qds").asInt()).isEqualTo(line.path("score").path("qds").asInt());
    }
  }
}
