package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two vendors that see part of one fleet: each shared machine must come out as one asset with two
 * sources, every asset and finding is scored, re-running the syncs must change no count and no
 * score, and when both vendors close and reopen findings the next runs follow exactly.
 */
class CrossSourceEndToEndIT {

  @Test
  void shouldShowEachSharedMachineOnceWithBothSources() throws Exception {
    int hosts = 200;
    int offset = 100;
    try (CrowdStrikeSimulator crowdstrike =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts));
        CortexXdrSimulator cortex =
            CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(hosts).withOffset(offset));
        TestServer server =
            new TestServer(
                "127.0.0.1",
                Optional.of(crowdstrike.caCertificatePem() + "\n" + cortex.caCertificatePem()))) {
      var cs =
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
                          crowdstrike.baseUrl().toString(),
                          "clientId",
                          "sim-client",
                          "clientSecret",
                          "sim-secret")))
              .json()
              .path("id")
              .asText();
      var cx = CortexXdrEndToEndIT.register(server, "cortex", cortex, Map.of()).path("id").asText();

      JsonNode first = CortexXdrEndToEndIT.runToEnd(server, cs);
      JsonNode second = CortexXdrEndToEndIT.runToEnd(server, cx);
      assertThat(first.path("state").asText()).isEqualTo("PROCESSED");
      assertThat(second.path("state").asText()).as(second.toString()).isEqualTo("PROCESSED");

      long shared = hosts - offset;
      long expected =
          crowdstrike.manifest().path("hosts").asLong()
              + crowdstrike.manifest().path("unmanagedAssets").asLong()
              + cortex.manifest().path("hosts").asLong()
              - shared;
      assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/assets")).isEqualTo(expected);
      long twoSourced = 0;
      for (int page = 0; ; page++) {
        JsonNode items = server.get("/api/v1/assets?size=200&page=" + page).json().path("items");
        if (items.isEmpty()) {
          break;
        }
        for (JsonNode asset : items) {
          var types = new java.util.HashSet<String>();
          asset.path("sources").forEach(s -> types.add(s.path("source").asText()));
          if (types.size() == 2) {
            twoSourced++;
            asset
                .path("sources")
                .forEach(s -> assertThat(s.path("linkRule").asText()).isNotBlank());
          }
        }
      }
      assertThat(twoSourced).isEqualTo(shared);

      // A CVE both vendors report on a shared machine is one finding with two detections.
      long detections = CortexXdrEndToEndIT.total(server, "/api/v1/detections");
      long findingsTotal = CortexXdrEndToEndIT.total(server, "/api/v1/findings");
      long twoVendorFindings = 0;
      for (int page = 0; ; page++) {
        JsonNode items = server.get("/api/v1/findings?size=1000&page=" + page).json().path("items");
        if (items.isEmpty()) {
          break;
        }
        for (JsonNode f : items) {
          if (f.path("vendorProductNames").size() == 2) {
            twoVendorFindings++;
            assertThat(f.path("detections")).hasSize(2);
          }
        }
      }
      assertThat(twoVendorFindings).isPositive();
      assertThat(findingsTotal).isEqualTo(detections - twoVendorFindings);

      // Every asset and finding is scored at the end of the runs, as the explanation says.
      Map<Long, String> assetScores =
          snapshot(
              server,
              "/api/v1/assets",
              a ->
                  a.path("riskScore").asText()
                      + "/"
                      + a.path("riskBand").asText()
                      + "/"
                      + a.path("criticality").asText());
      Map<Long, String> findingScores =
          snapshot(server, "/api/v1/findings", CrossSourceEndToEndIT::findingScore);
      assertThat(assetScores.values()).noneMatch(v -> v.startsWith("null"));
      assertThat(findingScores.values()).noneMatch(v -> v.startsWith("null"));
      JsonNode riskiest = server.get("/api/v1/assets?sort=risk&size=1").json().path("items").get(0);
      JsonNode explained =
          server.get("/api/v1/assets/" + riskiest.path("id").asLong() + "/score").json();
      assertThat(explained.path("risk").path("score").asInt())
          .isEqualTo(riskiest.path("riskScore").asInt())
          .isEqualTo(
              assetScores.values().stream()
                  .mapToInt(v -> Integer.parseInt(v.split("/")[0]))
                  .max()
                  .orElseThrow());
      assertThat(explained.path("rescorePending").asBoolean()).isFalse();

      // Re-running any sync changes no counts and no scores.
      for (String connector : new String[] {cs, cx, cs, cx}) {
        JsonNode again = CortexXdrEndToEndIT.runToEnd(server, connector);
        JsonNode counters = again.path("counters");
        assertThat(
                counters.path("findingsNew").asLong()
                    + counters.path("findingsFixed").asLong()
                    + counters.path("findingsReopened").asLong()
                    + counters.path("assetsLinked").asLong()
                    + counters.path("assetsScored").asLong())
            .as(again.toString())
            .isZero();
        assertThat(again.path("stageMillis").path("score").isNumber()).isTrue();
      }
      assertThat(
              snapshot(
                  server,
                  "/api/v1/assets",
                  a ->
                      a.path("riskScore").asText()
                          + "/"
                          + a.path("riskBand").asText()
                          + "/"
                          + a.path("criticality").asText()))
          .isEqualTo(assetScores);
      assertThat(snapshot(server, "/api/v1/findings", CrossSourceEndToEndIT::findingScore))
          .isEqualTo(findingScores);

      // Both vendors close some findings, reopen or add others: the next runs follow exactly.
      long fixedBefore = CortexXdrEndToEndIT.total(server, "/api/v1/findings?status=FIXED");
      long findingsBefore = CortexXdrEndToEndIT.total(server, "/api/v1/findings");
      crowdstrike.advance(40);
      cortex.advance(40);
      JsonNode csRun = CortexXdrEndToEndIT.runToEnd(server, cs).path("counters");
      JsonNode cxRun = CortexXdrEndToEndIT.runToEnd(server, cx).path("counters");
      long fixed = csRun.path("findingsFixed").asLong() + cxRun.path("findingsFixed").asLong();
      long reopened =
          csRun.path("findingsReopened").asLong() + cxRun.path("findingsReopened").asLong();
      long created = csRun.path("findingsNew").asLong() + cxRun.path("findingsNew").asLong();
      assertThat(fixed).as("the vendors closed something").isPositive();
      assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/findings?status=FIXED"))
          .isEqualTo(fixedBefore + fixed - reopened);
      assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/findings"))
          .isEqualTo(findingsBefore + created);
      assertThat(openDetections(server, cx)).isEqualTo(cortex.manifest().path("findings").asLong());
      // A finding is FIXED exactly when no source reports it open any more.
      snapshot(
          server,
          "/api/v1/findings",
          f -> {
            boolean anyOpen = false;
            for (JsonNode d : f.path("detections")) {
              anyOpen |= d.path("open").asBoolean();
            }
            assertThat("FIXED".equals(f.path("state").asText()))
                .as(f.toString())
                .isEqualTo(!anyOpen);
            return "";
          });
    }
  }

  private static long openDetections(TestServer server, String connectorId) {
    long open = 0;
    for (int page = 0; ; page++) {
      JsonNode items =
          server
              .get("/api/v1/detections?size=1000&connectorId=" + connectorId + "&page=" + page)
              .json()
              .path("items");
      if (items.isEmpty()) {
        return open;
      }
      for (JsonNode d : items) {
        open += d.path("open").asBoolean() ? 1 : 0;
      }
    }
  }

  /** QDS, band and open or fixed (NEW and REOPENED become ACTIVE on the next run: not a change). */
  private static String findingScore(JsonNode f) {
    return f.path("qds").asText()
        + "/"
        + f.path("qdsBand").asText()
        + "/"
        + ("FIXED".equals(f.path("state").asText()) ? "FIXED" : "OPEN");
  }

  /** Every item of a listing, by id, as the given text. */
  static Map<Long, String> snapshot(
      TestServer server, String path, java.util.function.Function<JsonNode, String> text) {
    Map<Long, String> out = new java.util.HashMap<>();
    for (int page = 0; ; page++) {
      JsonNode items = server.get(path + "?size=1000&page=" + page).json().path("items");
      if (items.isEmpty()) {
        return out;
      }
      items.forEach(item -> out.put(item.path("id").asLong(), text.apply(item)));
    }
  }
}
