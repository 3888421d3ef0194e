package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Sampling;
import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.SearchContextExpiredException;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.QueryPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The seeds' sample at CrowdStrike: the Discover hosts of the product types Server, Workstation and
 * Domain Controller ({@code product_type_desc}), last seen at or after the fetch-from date and
 * passing the user's source filters, sorted by {@code last_seen_timestamp} descending, the first
 * {@link Sampling#limit()}. Discover filters and sorts; the connector only pages ({@code limit} ≤
 * 1,000, so the seeds' sample is one call). Read once per connector instance, which is once per
 * run, and shared by the hosts read and the findings read. Not thread-safe.
 */
final class CrowdStrikeSample {

  /** Falcon's {@code product_type_desc} values of the seed's device categories. */
  static final List<String> PRODUCT_TYPES = List.of("Server", "Workstation", "Domain Controller");

  static final String SORT = "last_seen_timestamp|desc";

  /** Fresh queries after an expired cursor before giving up; each costs one request. */
  private static final int MAX_RESTARTS = 3;

  private final CrowdStrikeClient client;
  private final Instant fetchFrom;
  private final SourceFilters chosen;
  private final Sampling sampling;
  private List<JsonNode> hosts;

  CrowdStrikeSample(CrowdStrikeClient client, SyncRequest request) {
    this.client = client;
    this.fetchFrom = request.fetchFrom().orElse(CrowdStrikeCursor.EPOCH);
    this.chosen = request.filters();
    this.sampling = request.sampling().orElseThrow();
    this.hosts = null;
  }

  /** Whether this sample answers {@code request} (same date, filters and size). */
  boolean isFor(SyncRequest request) {
    return request.sampling().equals(Optional.of(sampling))
        && request.fetchFrom().orElse(CrowdStrikeCursor.EPOCH).equals(fetchFrom)
        && request.filters().equals(chosen);
  }

  Instant fetchFrom() {
    return fetchFrom;
  }

  CrowdStrikeSourceFilters filters() {
    return new CrowdStrikeSourceFilters(chosen);
  }

  /** The FQL filter of the sample's Discover query. */
  String hostFilter() {
    return CrowdStrikeFql.and(
        CrowdStrikeStream.HOSTS.filterFrom(fetchFrom, filters()),
        CrowdStrikeFql.anyOf("product_type_desc", PRODUCT_TYPES));
  }

  /** The sampled hosts, most recently seen first; read on first use. */
  List<JsonNode> hosts() throws InterruptedException {
    if (hosts == null) {
      hosts = read();
    }
    return hosts;
  }

  /**
   * The {@code aid} each sampled host's Spotlight findings carry (its sensor id; for an unmanaged
   * or unsupported asset its Discover id, vendor notes §7 item 14), sorted, each once. A host that
   * has neither carries no findings the platform could attach, and the hosts stream rejects it.
   */
  List<String> findingHostIds() throws InterruptedException {
    TreeSet<String> ids = new TreeSet<>();
    for (JsonNode host : hosts()) {
      findingHostId(host).ifPresent(ids::add);
    }
    return List.copyOf(ids);
  }

  /** The same key as {@link CrowdStrikeStream#HOST_KEY}. */
  static Optional<String> findingHostId(JsonNode host) {
    String aid = host.path("aid").asText("");
    if (!aid.isEmpty()) {
      return Optional.of(aid);
    }
    String type = host.path("entity_type").asText("");
    String id = host.path("id").asText("");
    return (type.equals("unmanaged") || type.equals("unsupported")) && !id.isEmpty()
        ? Optional.of(id)
        : Optional.empty();
  }

  private List<JsonNode> read() throws InterruptedException {
    for (int restart = 0; ; restart++) {
      try {
        return readOnce();
      } catch (SearchContextExpiredException e) {
        if (restart >= MAX_RESTARTS) {
          throw new UnexpectedResponseException(
              "CrowdStrike kept answering 'Search context expired' while the sample of "
                  + sampling.limit()
                  + " hosts was read; "
                  + e.getMessage());
        }
      }
    }
  }

  private List<JsonNode> readOnce() throws InterruptedException {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    String filter = hostFilter();
    String after = "";
    long seen = 0;
    while (byId.size() < sampling.limit()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("read of the CrowdStrike sample cancelled");
      }
      int limit = CrowdStrikeStream.HOSTS.limit(sampling.limit() - byId.size());
      QueryPage page = client.query(CrowdStrikeStream.HOSTS, new Query(filter, SORT, limit, after));
      seen += page.resources().size();
      for (JsonNode host : page.resources()) {
        if (byId.size() < sampling.limit()) {
          byId.putIfAbsent(host.path("id").asText(""), host);
        }
      }
      boolean last =
          page.after().isEmpty()
              || page.resources().isEmpty()
              || (page.total() >= 0 && seen >= page.total());
      if (last) {
        break;
      }
      if (page.after().equals(after)) {
        throw new UnexpectedResponseException(
            "CrowdStrike returned the same page cursor twice while the sample was read;"
                + " stopping instead of looping");
      }
      after = page.after();
    }
    return new ArrayList<>(byId.values());
  }
}
