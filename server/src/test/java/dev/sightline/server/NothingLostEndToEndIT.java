package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing a vendor reports is lost, through the REST API against both simulators: unmanaged assets
 * become assets, every detection belongs to one, findings of hosts the host listing left out still
 * get theirs, the runs account for every record per stream, the merged asset shows both vendors'
 * tags and one form of each address, and source filters select exactly the tenant's subset.
 */
class NothingLostEndToEndIT {
  private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

  private static String crowdstrike(
      TestServer server, String name, CrowdStrikeSimulator sim, Map<String, Object> filters) {
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                name,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret"),
                "filters",
                filters));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static List<JsonNode> all(TestServer server, String path) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode items =
          server
              .get(path + (path.contains("?") ? "&" : "?") + "size=1000&page=" + page)
              .json()
              .path("items");
      if (items.isEmpty()) {
        return out;
      }
      items.forEach(out::add);
    }
  }

  @Test
  void shouldKeepEveryAssetAndFindingOfBothVendorsAndAccountForEachRecord() throws Exception {
    int hosts = 120;
    int offset = 60;
    try (CrowdStrikeSimulator cs =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts));
        CortexXdrSimulator cx =
            CortexXdrSimulator.start(
                CortexXdrSimulatorOptions.defaults(hosts)
                    .withOffset(offset)
                    .withFaultSpec("blank-cve:10%"));
        TestServer server =
            new TestServer(
                "127.0.0.1", Optional.of(cs.caCertificatePem() + "\n" + cx.caCertificatePem()))) {
      String csId = crowdstrike(server, "falcon", cs, Map.of());
      String cxId =
          CortexXdrEndToEndIT.register(server, "cortex", cx, Map.of()).path("id").asText();
      JsonNode csRun = CortexXdrEndToEndIT.runToEnd(server, csId);
      JsonNode cxRun = CortexXdrEndToEndIT.runToEnd(server, cxId);
      assertThat(csRun.path("state").asText()).as(csRun.toString()).isEqualTo("PROCESSED");
      assertThat(cxRun.path("state").asText()).as(cxRun.toString()).isEqualTo("PROCESSED");

      JsonNode m = cs.manifest();
      long unmanaged = m.path("unmanagedAssets").asLong();
      assertThat(unmanaged).isPositive();
      JsonNode hostsTally = csRun.path("counters").path("streams").path("hosts");
      assertThat(hostsTally.path("fetched").asLong())
          .isEqualTo(m.path("agents").asLong() + unmanaged)
          .isEqualTo(hostsTally.path("stored").asLong());
      JsonNode vulnTally = csRun.path("counters").path("streams").path("vulnerabilities");
      assertThat(vulnTally.path("fetched").asLong())
          .isEqualTo(m.path("vulnerabilities").asLong())
          .isEqualTo(vulnTally.path("stored").asLong());
      assertThat(vulnTally.path("rejected").asLong()).isZero();
      JsonNode cxTally = cxRun.path("counters").path("streams").path("vulnerabilities");
      long blank = cx.manifest().path("blankCveRows").asLong();
      assertThat(blank).isPositive();
      assertThat(cxTally.path("elementsStored").asLong())
          .isEqualTo(cx.manifest().path("findings").asLong());
      assertThat(cxTally.path("elementsRejected").asLong())
          .isEqualTo(blank)
          .isEqualTo(cxRun.path("counters").path("rejected").asLong());
      assertThat(cxTally.path("elementsFetched").asLong())
          .isEqualTo(cx.manifest().path("findings").asLong() + blank);
      JsonNode rejections =
          server.get("/api/v1/runs/" + cxRun.path("runId").asText() + "/rejections").json();
      assertThat(rejections)
          .hasSize((int) blank)
          .allSatisfy(
              r -> {
                assertThat(r.path("stream").asText()).isEqualTo("vulnerabilities");
                assertThat(r.path("elementPath").asText()).matches("cves\\[\\d+]");
                assertThat(r.path("reasons").asText()).contains("has no 'name'");
              });

      List<JsonNode> detections = all(server, "/api/v1/detections");
      assertThat(detections)
          .allSatisfy(d -> assertThat(d.path("sourceAssetId").isNumber()).isTrue());
      assertThat(
              detections.stream().filter(d -> d.path("connectorId").asText().equals(csId)).count())
          .isEqualTo(m.path("vulnerabilities").asLong());

      List<JsonNode> assets = all(server, "/api/v1/assets");
      assertThat(assets).hasSize(hosts + offset + (int) unmanaged);
      long unmanagedSources =
          assets.stream()
              .flatMap(a -> stream(a.path("sources")))
              .filter(s -> s.path("connectorId").asText().equals(csId))
              .count();
      assertThat(unmanagedSources).isEqualTo(m.path("agents").asLong() + unmanaged);
      assertThat(assets)
          .flatMap(a -> stream(a.path("macAddresses")).map(JsonNode::asText).toList())
          .isNotEmpty()
          .allMatch(mac -> MAC.matcher(mac).matches());
      assertThat(assets)
          .allSatisfy(
              a -> {
                assertThat(stream(a.path("ipv4Addresses")))
                    .allMatch(ip -> !ip.asText().contains(":"));
                assertThat(stream(a.path("ipv6Addresses")))
                    .allMatch(ip -> ip.asText().contains(":"));
              });

      JsonNode anUnmanaged =
          assets.stream()
              .filter(
                  a ->
                      stream(a.path("sources"))
                          .anyMatch(
                              s ->
                                  s.path("connectorId").asText().equals(csId)
                                      && !s.path("sourceRecordId")
                                          .asText()
                                          .matches("[0-9a-f]{32}")))
              .findFirst()
              .orElseThrow();
      JsonNode opened = server.get("/api/v1/assets/" + anUnmanaged.path("id").asLong()).json();
      assertThat(opened.path("sources").get(0).path("attributes").path("entityType").asText())
          .isIn("unmanaged", "unsupported");

      List<JsonNode> shared =
          assets.stream()
              .filter(
                  a -> {
                    Set<String> connectors = new HashSet<>();
                    a.path("sources").forEach(s -> connectors.add(s.path("connectorId").asText()));
                    return connectors.size() == 2;
                  })
              .toList();
      assertThat(shared).hasSize(hosts - offset);
      assertThat(shared)
          .anySatisfy(
              a -> {
                Set<String> kinds = new HashSet<>();
                a.path("sourceTags")
                    .forEach(
                        t ->
                            kinds.add(
                                t.path("connectorId").asText() + "/" + t.path("kind").asText()));
                assertThat(kinds)
                    .contains(cxId + "/server", cxId + "/endpoint", csId + "/falcon-grouping");
              });
    }
  }

  @Test
  void shouldBuildTheAssetOfAFindingWhoseHostTheHostListingLeftOut() throws Exception {
    try (CrowdStrikeSimulator cs =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(150).withFaultSpec("unlisted-hosts:10%"));
        TestServer server = new TestServer("127.0.0.1", Optional.of(cs.caCertificatePem()))) {
      String id = crowdstrike(server, "falcon", cs, Map.of());
      JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);
      assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");

      JsonNode m = cs.manifest();
      assertThat(m.path("unlistedHosts").asLong()).isPositive();
      assertThat(
              run.path("counters")
                  .path("streams")
                  .path("vulnerabilities")
                  .path("snapshotAssets")
                  .asLong())
          .isPositive();
      List<JsonNode> detections = all(server, "/api/v1/detections");
      assertThat(detections)
          .hasSize(m.path("vulnerabilities").asInt())
          .allSatisfy(d -> assertThat(d.path("sourceAssetId").isNumber()).isTrue());
      List<JsonNode> snapshots =
          all(server, "/api/v1/assets").stream()
              .flatMap(a -> stream(a.path("sources")))
              .filter(s -> s.path("fromSnapshot").asBoolean())
              .toList();
      assertThat(snapshots)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.path("hostName").asText()).isNotBlank());
    }
  }

  @Test
  void shouldSelectExactlyTheTenantsSubsetWithProductTypeAndDataProviderFilters() throws Exception {
    try (CrowdStrikeSimulator cs =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(200));
        TestServer server = new TestServer("127.0.0.1", Optional.of(cs.caCertificatePem()))) {
      var refused =
          server.post(
              "/api/v1/connectors",
              Map.of(
                  "type",
                  "crowdstrike",
                  "name",
                  "bad",
                  "auth",
                  Map.of(
                      "url",
                      cs.baseUrl().toString(),
                      "clientId",
                      "sim-client",
                      "clientSecret",
                      "sim-secret"),
                  "filters",
                  Map.of("productTypes", List.of("Laptop"))));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text()).contains("filters.productTypes").contains("Workstation");

      JsonNode m = cs.manifest();
      String servers =
          crowdstrike(server, "servers", cs, Map.of("productTypes", List.of("server")));
      assertThat(
              server
                  .get("/api/v1/connectors/" + servers)
                  .json()
                  .path("filters")
                  .path("productTypes")
                  .get(0)
                  .asText())
          .isEqualTo("Server");
      assertSubset(server, servers, m.path("byProductType").path("Server"));

      String scanned =
          crowdstrike(
              server, "scanned", cs, Map.of("dataProviders", List.of("Falcon Network Scan")));
      assertSubset(server, scanned, m.path("byDataProvider").path("Falcon Network Scan"));
    }
  }

  private static void assertSubset(TestServer server, String connectorId, JsonNode expected) {
    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, connectorId);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    assertThat(expected.path("assets").asLong()).isPositive();
    assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/assets?connectorId=" + connectorId))
        .isEqualTo(expected.path("assets").asLong());
    assertThat(CortexXdrEndToEndIT.total(server, "/api/v1/detections?connectorId=" + connectorId))
        .isEqualTo(expected.path("vulnerabilities").asLong());
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out.stream();
  }
}
