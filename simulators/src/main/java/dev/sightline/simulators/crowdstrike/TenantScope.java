package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.server.ScopeQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ground truth of {@code GET /_sim/scope}, counted from the tenant model (agents, unmanaged
 * assets, the current vulnerability records), not through the Discover or Spotlight code:
 *
 * <ul>
 *   <li>{@code hosts}: the Discover records a read with a fetch-from date of {@code since} returns
 *       ({@code last_seen_timestamp} at or after it), or the sample's;
 *   <li>{@code vulnerabilities}: the Spotlight records of every status with {@code
 *       updated_timestamp} at or after {@code since}, of the sampled hosts only for a sample;
 *   <li>{@code snapshotHosts}: hosts of those vulnerabilities that are not among {@code hosts} (a
 *       sync builds their assets from the findings' {@code host_info});
 *   <li>{@code hostIds} (a sample only): the sampled hosts as Spotlight's {@code aid} names them
 *       (the sensor id, or the Discover id of an unmanaged asset), most recently seen first.
 * </ul>
 *
 * The sample is the seeds' criteria in Falcon's terms: product types Server, Workstation and Domain
 * Controller, {@code last_seen_timestamp} descending (ties by Discover id), the first N.
 */
final class TenantScope {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SAMPLED_TYPES =
      Set.of("Server", "Workstation", "Domain Controller");

  private final AgentDirectory agents;
  private final UnlistedHosts unlisted;
  private final VulnStore vulns;

  TenantScope(AgentDirectory agents, UnlistedHosts unlisted, VulnStore vulns) {
    this.agents = agents;
    this.unlisted = unlisted;
    this.vulns = vulns;
  }

  ObjectNode answer(ScopeQuery query) {
    long since = query.since().toEpochMilli();
    List<Integer> hosts = new ArrayList<>();
    for (int slot = 0; slot < agents.slots(); slot++) {
      if (!unlisted.hidden(slot)
          && agents.lastSeen(slot) * 1000 >= since
          && (query.sample() == 0 || sampledType(agents.productTypeDesc(slot)))) {
        hosts.add(slot);
      }
    }
    if (query.sample() > 0) {
      hosts.sort(
          Comparator.comparingLong((Integer slot) -> agents.lastSeen(slot))
              .reversed()
              .thenComparingLong(agents::discoverNumber));
      hosts = new ArrayList<>(hosts.subList(0, Math.min(hosts.size(), query.sample())));
    }
    Set<Integer> chosen = new HashSet<>(hosts);
    long findings = 0;
    Set<Integer> snapshotHosts = new HashSet<>();
    VulnSnapshot snapshot = vulns.snapshot();
    for (long ordinal = 0; ordinal < snapshot.baseCount(); ordinal++) {
      if (!snapshot.shadowed(ordinal)) {
        findings += count(vulns.generator().base(ordinal), since, query, chosen, snapshotHosts);
      }
    }
    for (Vuln v : snapshot.overlayRecords()) {
      findings += count(v, since, query, chosen, snapshotHosts);
    }
    ObjectNode answer = MAPPER.createObjectNode();
    answer.put("since", query.since().toString());
    answer.put("sample", query.sample());
    answer.put("hosts", hosts.size());
    answer.put("vulnerabilities", findings);
    answer.put("snapshotHosts", snapshotHosts.size());
    if (query.sample() > 0) {
      ArrayNode ids = answer.putArray("hostIds");
      hosts.forEach(slot -> ids.add(agents.aid(slot)));
    }
    return answer;
  }

  private static boolean sampledType(String productTypeDesc) {
    return productTypeDesc != null && SAMPLED_TYPES.contains(productTypeDesc);
  }

  private int count(
      Vuln v, long since, ScopeQuery query, Set<Integer> chosen, Set<Integer> snapshotHosts) {
    if (v.updated() * 1000 < since || (query.sample() > 0 && !chosen.contains(v.agent()))) {
      return 0;
    }
    if (!chosen.contains(v.agent())) {
      snapshotHosts.add(v.agent());
    }
    return 1;
  }
}
