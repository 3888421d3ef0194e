package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code unlisted-hosts:P%}: machines Discover never returns while their findings and devices
 * remain.
 */
class UnlistedHostsIT {
  @Test
  void shouldHideExactlyTheUnlistedMachinesFromDiscoverButNotTheirFindings() {
    try (CrowdStrikeSimulator plain =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(300));
        CrowdStrikeSimulator faulty =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(300).withFaultSpec("unlisted-hosts:10%"))) {
      Set<String> listed = machines(new SimClient(plain).authenticate());
      SimClient client = new SimClient(faulty).authenticate();
      Set<String> shown = machines(client);
      Set<String> hidden = new HashSet<>(listed);
      hidden.removeAll(shown);
      JsonNode manifest = faulty.manifest();
      List<JsonNode> findings =
          client.readAll(
              SpotlightEndpoint.PATH,
              p -> {},
              "filter",
              "created_timestamp:>='2000-01-01'",
              "limit",
              "5000",
              "facet",
              "host_info");
      Set<String> shownHostnames = new HashSet<>();
      client
          .readAll(
              DiscoverEndpoints.COMBINED,
              p -> {},
              "filter",
              "entity_type:'managed'",
              "limit",
              "1000")
          .forEach(h -> shownHostnames.add(h.get("aid").asText()));
      List<JsonNode> orphans =
          findings.stream()
              .filter(v -> !v.get("aid").asText().contains("_"))
              .filter(v -> !shownHostnames.contains(v.get("aid").asText()))
              .toList();

      assertThat(plain.manifest().get("unlistedHosts").asInt()).isZero();
      assertThat(manifest.get("unlistedHosts").asInt()).isPositive().isEqualTo(hidden.size());
      assertThat(shown).isSubsetOf(listed);
      assertThat(findings).hasSize(manifest.get("vulnerabilities").asInt());
      assertThat(orphans)
          .isNotEmpty()
          .allSatisfy(
              v -> {
                assertThat(v.at("/host_info/hostname").asText()).isNotEmpty();
                assertThat(v.at("/host_info/managed_by").asText()).isEqualTo("Falcon sensor");
              });
      String orphanAid = orphans.get(0).get("aid").asText();
      assertThat(client.get(DevicesEndpoint.PATH, "ids", orphanAid).resources()).hasSize(1);
    }
  }

  private static Set<String> machines(SimClient client) {
    Set<String> machines = new HashSet<>();
    client
        .readAll(
            DiscoverEndpoints.COMBINED, p -> {}, "filter", "entity_type:'managed'", "limit", "1000")
        .forEach(h -> machines.add(h.get("mac_addresses").toString()));
    return machines;
  }
}
