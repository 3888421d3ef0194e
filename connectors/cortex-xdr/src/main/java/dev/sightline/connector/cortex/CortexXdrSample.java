package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.Sampling;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.cortex.CortexXdrWire.EndpointPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seeds' sample at Cortex XDR: the endpoints of the types server and workstation ({@code
 * endpoint_type}; Cortex has no domain-controller type, a domain controller is a server), last seen
 * at or after the fetch-from date, most recently seen first, the first {@link Sampling#limit()}.
 * {@code get_endpoint} sorts by {@code last_seen} descending and filters on it, but has no {@code
 * endpoint_type} filter (its filter fields are listed in the vendor notes §2.1), so the connector
 * pages through the sorted endpoints, 100 per call, and keeps those of the two types until the
 * sample is full. An endpoint that moves while the pages are read may be met twice: it is kept
 * once. Read once per connector instance (once per run), shared by both streams. Not thread-safe.
 */
final class CortexXdrSample {

  /** {@code endpoint_type} values of the seed's device categories. */
  static final Set<String> ENDPOINT_TYPES = Set.of("AGENT_TYPE_SERVER", "AGENT_TYPE_WORKSTATION");

  private final CortexXdrClient client;
  private final long lastSeenFrom;
  private final Sampling sampling;
  private List<JsonNode> endpoints;

  CortexXdrSample(CortexXdrClient client, SyncRequest request) {
    this.client = client;
    this.lastSeenFrom = CortexXdrConnector.fetchFromMillis(request);
    this.sampling = request.sampling().orElseThrow();
  }

  /** Whether this sample answers {@code request} (same date and size). */
  boolean isFor(SyncRequest request) {
    return request.sampling().equals(Optional.of(sampling))
        && CortexXdrConnector.fetchFromMillis(request) == lastSeenFrom;
  }

  long lastSeenFrom() {
    return lastSeenFrom;
  }

  /**
   * The sampled endpoints, most recently seen first, with the derived fields; read on first use.
   */
  List<JsonNode> endpoints() throws InterruptedException {
    if (endpoints == null) {
      endpoints = read();
    }
    return endpoints;
  }

  /** The sampled endpoints' ids, sorted, as the vulnerability queries ask for them. */
  List<String> ids() throws InterruptedException {
    TreeSet<String> ids = new TreeSet<>();
    for (JsonNode endpoint : endpoints()) {
      ids.add(CortexXdrEndpointFields.id(endpoint));
    }
    return List.copyOf(ids);
  }

  private List<JsonNode> read() throws InterruptedException {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    long from = 0;
    while (byId.size() < sampling.limit()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("read of the Cortex XDR sample cancelled");
      }
      EndpointPage page =
          client.endpoints(
              CortexXdrClient.lastSeenAtOrAfter(lastSeenFrom),
              from,
              CortexXdrClient.MAX_ENDPOINTS_PER_CALL,
              CortexXdrEndpointFields.LAST_SEEN,
              "desc");
      for (JsonNode endpoint : page.endpoints()) {
        String id = CortexXdrEndpointFields.id(endpoint);
        if (byId.size() < sampling.limit()
            && !id.isEmpty()
            && ENDPOINT_TYPES.contains(endpoint.path("endpoint_type").asText(""))
            && endpoint instanceof ObjectNode o) {
          byId.putIfAbsent(id, CortexXdrEndpointFields.derive(o));
        }
      }
      from += page.endpoints().size();
      boolean last =
          page.endpoints().size() < CortexXdrClient.MAX_ENDPOINTS_PER_CALL
              || (page.totalCount() >= 0 && from >= page.totalCount());
      if (last) {
        break;
      }
    }
    return new ArrayList<>(byId.values());
  }
}
