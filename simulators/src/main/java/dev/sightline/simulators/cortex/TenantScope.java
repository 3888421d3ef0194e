package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.server.ScopeQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth of {@code GET /_sim/scope}, counted from the tenant model (endpoints and the
 * current vulnerability assessment), not through the {@code get_endpoint} or XQL code:
 *
 * <ul>
 *   <li>{@code endpoints}: the endpoints a read with a fetch-from date of {@code since} returns
 *       ({@code last_seen} at or after it), or the sample's;
 *   <li>{@code findings}: the (endpoint, CVE) pairs of those endpoints;
 *   <li>{@code endpointIds} (a sample only): the sampled endpoints, most recently seen first.
 * </ul>
 *
 * The sample is the seeds' criteria in Cortex's terms: {@code endpoint_type} server or workstation
 * (the simulated fleet has no others), {@code last_seen} descending (ties by {@code endpoint_id}),
 * the first N.
 */
final class TenantScope {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EndpointDirectory endpoints;
  private final VaSnapshot snapshot;

  TenantScope(EndpointDirectory endpoints, VaSnapshot snapshot) {
    this.endpoints = endpoints;
    this.snapshot = snapshot;
  }

  ObjectNode answer(ScopeQuery query) {
    long since = query.since().toEpochMilli();
    List<Integer> chosen = new ArrayList<>();
    for (int e = 0; e < endpoints.count(); e++) {
      String type = CortexRendering.endpointType(endpoints.role(e));
      if (snapshot.lastSeen(e) >= since
          && (query.sample() == 0
              || type.equals("AGENT_TYPE_SERVER")
              || type.equals("AGENT_TYPE_WORKSTATION"))) {
        chosen.add(e);
      }
    }
    if (query.sample() > 0) {
      chosen.sort(
          (a, b) -> {
            int c = Long.compare(snapshot.lastSeen(b), snapshot.lastSeen(a));
            return c != 0 ? c : endpoints.compareIds(a, b);
          });
      chosen = new ArrayList<>(chosen.subList(0, Math.min(chosen.size(), query.sample())));
    }
    long findings = 0;
    for (int e : chosen) {
      findings += snapshot.refs(e).length;
    }
    ObjectNode answer = MAPPER.createObjectNode();
    answer.put("since", query.since().toString());
    answer.put("sample", query.sample());
    answer.put("endpoints", chosen.size());
    answer.put("findings", findings);
    if (query.sample() > 0) {
      ArrayNode ids = answer.putArray("endpointIds");
      chosen.forEach(e -> ids.add(endpoints.endpointId(e)));
    }
    return answer;
  }
}
