package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Searches over Discover host records: one per agent, one per unmanaged asset, none for the
 * machines the {@code unlisted-hosts} fault hides. Sort orders are {@code int[]} of the listed
 * slots, built on first use; hosts do not change when the tenant advances, so orders and counts are
 * cached for the simulator's life. Thread-safe.
 */
final class HostSearch {
  private final AgentDirectory agents;
  private final UnlistedHosts unlisted;
  private final Map<HostSort, int[]> orders = new ConcurrentHashMap<>();
  private final Map<String, Long> counts = new ConcurrentHashMap<>();

  HostSearch(AgentDirectory agents, UnlistedHosts unlisted) {
    this.agents = agents;
    this.unlisted = unlisted;
  }

  record Page(List<Integer> agents, boolean more) {}

  /** Hosts strictly after {@code after} in {@code sort} order that match {@code filter}. */
  Page page(
      HostSort sort,
      Predicate<Integer> filter,
      Optional<CursorRegistry.Position> after,
      int skip,
      int limit) {
    int[] order = order(sort);
    int position = after.map(p -> positionAfter(order, sort, p)).orElse(0);
    List<Integer> out = new ArrayList<>(Math.min(limit, 1024));
    int skipped = 0;
    for (; position < order.length; position++) {
      int agent = order[position];
      if (!filter.test(agent)) {
        continue;
      }
      if (skipped < skip) {
        skipped++;
        continue;
      }
      if (out.size() == limit) {
        return new Page(out, true);
      }
      out.add(agent);
    }
    return new Page(out, false);
  }

  /** Matching hosts; cached per filter text unless the filter is relative to "now". */
  long count(String filterKey, Predicate<Integer> filter) {
    Long cached = counts.get(filterKey);
    if (cached != null) {
      return cached;
    }
    long n = 0;
    for (int a : order(HostSort.BY_ID)) {
      if (filter.test(a)) {
        n++;
      }
    }
    if (!filterKey.contains("now")) {
      if (counts.size() > 10_000) {
        counts.clear(); // aid-list look-ups make every filter distinct; keep the cache bounded
      }
      counts.put(filterKey, n);
    }
    return n;
  }

  /** The cursor value of a host in this sort: epoch millis, the hostname, or the id. */
  Object sortValue(HostSort sort, int agent) {
    return switch (sort.field()) {
      case LAST_SEEN -> agents.lastSeen(agent) * 1000;
      case FIRST_SEEN -> agents.firstSeen(agent) * 1000;
      case HOSTNAME -> agents.hostname(agent);
      case ID -> agents.discoverId(agent);
    };
  }

  /** Agent index for a Discover id, or -1. */
  int agentByDiscoverId(String id) {
    String prefix = agents.cid() + "_";
    if (!id.startsWith(prefix)) {
      return -1;
    }
    long number;
    try {
      number = Long.parseLong(id.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
    int[] order = order(HostSort.BY_ID);
    int low = 0;
    int high = order.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long value = agents.discoverNumber(order[mid]);
      if (value == number) {
        return order[mid];
      }
      if (value < number) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -1;
  }

  private int[] order(HostSort sort) {
    return orders.computeIfAbsent(
        sort,
        s -> {
          Integer[] boxed =
              IntStream.range(0, agents.slots())
                  .filter(slot -> !unlisted.hidden(slot))
                  .boxed()
                  .toArray(Integer[]::new);
          Arrays.sort(boxed, comparator(s));
          return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        });
  }

  private Comparator<Integer> comparator(HostSort sort) {
    Comparator<Integer> byValue =
        switch (sort.field()) {
          case LAST_SEEN -> Comparator.comparingLong(agents::lastSeen);
          case FIRST_SEEN -> Comparator.comparingLong(agents::firstSeen);
          case HOSTNAME -> Comparator.comparing(agents::hostname);
          case ID -> (a, b) -> 0;
        };
    if (sort.descending()) {
      byValue = byValue.reversed();
    }
    return byValue.thenComparingLong(agents::discoverNumber);
  }

  private int positionAfter(int[] order, HostSort sort, CursorRegistry.Position p) {
    int low = 0;
    int high = order.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (compareToCursor(sort, order[mid], p.sortValue(), p.id()) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int compareToCursor(HostSort sort, int agent, JsonNode value, String id) {
    int c =
        switch (sort.field()) {
          case LAST_SEEN -> Long.compare(agents.lastSeen(agent) * 1000, value.asLong());
          case FIRST_SEEN -> Long.compare(agents.firstSeen(agent) * 1000, value.asLong());
          case HOSTNAME -> agents.hostname(agent).compareTo(value.asText());
          case ID -> 0;
        };
    if (sort.descending()) {
      c = -c;
    }
    return c != 0 ? c : agents.discoverId(agent).compareTo(id);
  }
}
