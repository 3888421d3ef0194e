package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifest's issue-8 fields against what paging the API returns. */
class UnmanagedAssetsIT {
  private static final String ALL = "last_seen_timestamp:>='2000-01-01'";
  private static CrowdStrikeSimulator simulator;
  private static SimClient client;
  private static List<JsonNode> discover;
  private static List<JsonNode> findings;

  @BeforeAll
  static void start() {
    simulator = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(300));
    client = new SimClient(simulator).authenticate();
    discover = client.readAll(DiscoverEndpoints.COMBINED, p -> {}, "filter", ALL, "limit", "1000");
    findings =
        client.readAll(
            SpotlightEndpoint.PATH,
            p -> {},
            "filter",
            "created_timestamp:>='2000-01-01'",
            "limit",
            "5000",
            "facet",
            "host_info");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void shouldCountEveryDiscoverRecordWithoutASensor() {
    JsonNode manifest = simulator.manifest();
    List<JsonNode> unmanaged = discover.stream().filter(h -> !h.has("aid")).toList();

    assertThat(unmanaged).hasSize(manifest.get("unmanagedAssets").asInt());
    assertThat(manifest.get("unmanagedAssets").asInt()).isEqualTo(15);
    assertThat(unmanaged)
        .extracting(h -> h.get("entity_type").asText())
        .contains("unmanaged")
        .allMatch(t -> t.equals("unmanaged") || t.equals("unsupported"));
    assertThat(discover)
        .hasSize(manifest.get("agents").asInt() + manifest.get("unmanagedAssets").asInt());
    assertThat(unmanaged)
        .allSatisfy(
            h -> {
              assertThat(h.get("id").asText()).startsWith(h.get("cid").asText() + "_");
              assertThat(h.get("data_providers").get(0).asText()).isEqualTo("Falcon Network Scan");
              assertThat(h.get("data_providers_count").asInt())
                  .isEqualTo(h.get("data_providers").size());
              assertThat(h.get("last_discoverer_aid").asText()).hasSize(32);
              assertThat(h.at("/network_interfaces/0/mac_address").asText())
                  .matches("([0-9A-F]{2}-){5}[0-9A-F]{2}");
            });
  }

  @Test
  void shouldNeverShareANameMacOrAddressWithAFleetMachine() {
    Set<String> fleet = new HashSet<>();
    discover.stream()
        .filter(h -> h.has("aid"))
        .forEach(
            h -> {
              fleet.add(h.get("hostname").asText());
              h.get("mac_addresses").forEach(m -> fleet.add(m.asText()));
              h.get("local_ip_addresses").forEach(ip -> fleet.add(ip.asText()));
              fleet.add(h.get("system_serial_number").asText());
            });
    discover.stream()
        .filter(h -> !h.has("aid"))
        .forEach(
            h -> {
              assertThat(fleet)
                  .doesNotContain(
                      h.get("hostname").asText(),
                      h.get("current_local_ip").asText(),
                      h.at("/mac_addresses/0").asText());
              if (h.has("system_serial_number")) {
                assertThat(fleet).doesNotContain(h.get("system_serial_number").asText());
              }
            });
  }

  @Test
  void shouldPutUnmanagedFindingsOnTheDiscoverIdOfTheirAsset() {
    Map<String, JsonNode> unmanaged = new HashMap<>();
    discover.stream()
        .filter(h -> !h.has("aid"))
        .forEach(h -> unmanaged.put(h.get("id").asText(), h));
    List<JsonNode> onUnmanaged =
        findings.stream().filter(v -> unmanaged.containsKey(v.get("aid").asText())).toList();

    assertThat(findings).hasSize(simulator.manifest().get("vulnerabilities").asInt());
    assertThat(onUnmanaged)
        .hasSize(simulator.manifest().get("unmanagedVulnerabilities").asInt())
        .isNotEmpty();
    assertThat(onUnmanaged)
        .allSatisfy(
            v -> {
              JsonNode asset = unmanaged.get(v.get("aid").asText());
              assertThat(asset.get("entity_type").asText()).isEqualTo("unmanaged");
              assertThat(v.at("/host_info/managed_by").asText()).isEqualTo("Unmanaged");
              assertThat(v.at("/host_info/hostname").asText())
                  .isEqualTo(asset.get("hostname").asText());
              assertThat(v.at("/host_info/product_type_desc").asText(null))
                  .isEqualTo(asset.path("product_type_desc").asText(null));
              assertThat(v.at("/data_providers/0/provider").asText())
                  .isEqualTo("Falcon Network Scan");
              assertThat(v.get("id").asText()).startsWith(v.get("aid").asText() + "_");
            });
  }

  @Test
  void shouldKeepEveryFindingsProviderAmongItsAssetsProviders() {
    Map<String, JsonNode> byKey = new HashMap<>();
    discover.forEach(
        h -> byKey.put(h.has("aid") ? h.get("aid").asText() : h.get("id").asText(), h));

    assertThat(findings)
        .allSatisfy(
            v -> {
              JsonNode asset = byKey.get(v.get("aid").asText());
              List<String> providers = new ArrayList<>();
              asset.get("data_providers").forEach(p -> providers.add(p.asText()));
              assertThat(providers).contains(v.at("/data_providers/0/provider").asText());
              assertThat(v.at("/host_info/product_type_desc").asText(null))
                  .isEqualTo(asset.path("product_type_desc").asText(null));
            });
  }

  @Test
  void shouldBreakAssetsAndFindingsDownLikeTheFilters() {
    JsonNode manifest = simulator.manifest();
    JsonNode byProductType = manifest.get("byProductType");
    JsonNode byDataProvider = manifest.get("byDataProvider");

    assertThat(new TreeSet<>(names(byProductType)))
        .containsExactly("Domain Controller", "Server", "Workstation");
    assertThat(new TreeSet<>(names(byDataProvider)))
        .containsExactly("Active Directory", "Falcon Network Scan", "Falcon sensor");
    for (String value : names(byProductType)) {
      assertThat(machines("product_type_desc:'" + value + "'"))
          .as(value)
          .isEqualTo(byProductType.at("/" + value + "/assets").asInt());
      assertThat(
              total(
                  SpotlightEndpoint.PATH,
                  "host_info.product_type_desc:['" + value + "']+" + spotlightAll()))
          .isEqualTo(byProductType.at("/" + value + "/vulnerabilities").asLong());
    }
    for (String value : names(byDataProvider)) {
      assertThat(machines("data_providers:['" + value + "','none']"))
          .as(value)
          .isEqualTo(byDataProvider.at("/" + value + "/assets").asInt());
      assertThat(
              total(
                  SpotlightEndpoint.PATH,
                  "data_providers.provider:'" + value + "'+" + spotlightAll()))
          .isEqualTo(byDataProvider.at("/" + value + "/vulnerabilities").asLong());
    }
    assertThat(total(DiscoverEndpoints.COMBINED, "entity_type:['unmanaged','unsupported']"))
        .isEqualTo(manifest.get("unmanagedAssets").asLong());
  }

  /**
   * Machines among the matching Discover records: a reimaged machine's two agents share their MACs.
   */
  private static int machines(String filter) {
    Set<String> machines = new HashSet<>();
    client
        .readAll(DiscoverEndpoints.COMBINED, p -> {}, "filter", filter + "+" + ALL, "limit", "1000")
        .forEach(h -> machines.add(h.get("mac_addresses").toString()));
    return machines.size();
  }

  private static String spotlightAll() {
    return "created_timestamp:>='2000-01-01'";
  }

  private static long total(String path, String filter) {
    return client
        .get(path, "filter", filter, "limit", "1")
        .body()
        .at("/meta/pagination/total")
        .asLong();
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
