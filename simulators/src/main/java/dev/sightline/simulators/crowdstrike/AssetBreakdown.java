package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The manifest's {@code byProductType} and {@code byDataProvider}: for each value, the assets whose
 * Discover record carries it (machines counted once, like {@code hosts}, so only a machine's live
 * agent counts; plus unmanaged assets) and the Spotlight findings whose {@code
 * host_info.product_type_desc} / {@code data_providers[].provider} equals it. Findings are counted
 * per slot from the base counts plus the records {@code advance} added.
 */
final class AssetBreakdown {
  private AssetBreakdown() {}

  /** {@code {"<value>":{"assets":N,"vulnerabilities":M},…}}, keys in name order. */
  static void byProductType(ObjectNode into, AgentDirectory agents, VulnSnapshot snapshot) {
    write(
        into,
        agents,
        snapshot,
        slot -> {
          String value = agents.productTypeDesc(slot);
          return value == null ? new String[0] : new String[] {value};
        },
        slot -> {
          String value = agents.productTypeDesc(slot);
          return value == null ? new String[0] : new String[] {value};
        });
  }

  static void byDataProvider(ObjectNode into, AgentDirectory agents, VulnSnapshot snapshot) {
    write(
        into,
        agents,
        snapshot,
        slot -> agents.discoverProviders(slot).toArray(String[]::new),
        slot -> new String[] {agents.findingProvider(slot)});
  }

  /** Findings on unmanaged assets, all statuses. */
  static long unmanagedVulnerabilities(AgentDirectory agents, VulnSnapshot snapshot) {
    long n = 0;
    for (int slot = agents.count(); slot < agents.slots(); slot++) {
      n += agents.vulnCount(slot);
    }
    for (Vuln v : snapshot.overlayRecords()) {
      if (v.ordinal() >= snapshot.baseCount() && !agents.managed(v.agent())) {
        n++;
      }
    }
    return n;
  }

  private static void write(
      ObjectNode into,
      AgentDirectory agents,
      VulnSnapshot snapshot,
      IntFunction<String[]> assetValues,
      IntFunction<String[]> findingValues) {
    Map<String, long[]> counts = new TreeMap<>();
    for (int slot = 0; slot < agents.slots(); slot++) {
      if (!agents.managed(slot) || !agents.stale(slot)) {
        for (String value : assetValues.apply(slot)) {
          counts.computeIfAbsent(value, k -> new long[2])[0]++;
        }
      }
      for (String value : findingValues.apply(slot)) {
        counts.computeIfAbsent(value, k -> new long[2])[1] += agents.vulnCount(slot);
      }
    }
    for (Vuln v : snapshot.overlayRecords()) {
      if (v.ordinal() >= snapshot.baseCount()) {
        for (String value : findingValues.apply(v.agent())) {
          counts.computeIfAbsent(value, k -> new long[2])[1]++;
        }
      }
    }
    counts.forEach(
        (value, c) -> {
          ObjectNode entry = into.putObject(value);
          entry.put("assets", c[0]);
          entry.put("vulnerabilities", c[1]);
        });
  }
}
