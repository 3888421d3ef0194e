package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code get_endpoint} requests: filters over the sort order, counts every match for {@code
 * total_count} and keeps the requested window. Sort orders are primitive {@code int[]} arrays,
 * cached per snapshot (only {@code last_seen} changes when the tenant advances). Thread-safe.
 */
final class EndpointSearch {
  /** One page: every match counted, the window's endpoints in order. */
  record Page(long total, List<Integer> endpoints) {}

  private final EndpointDirectory dir;
  private final Map<String, int[]> orders = new HashMap<>();
  private VaSnapshot ordersFor;

  EndpointSearch(EndpointDirectory dir) {
    this.dir = dir;
  }

  Page search(EndpointRequest request, VaSnapshot s) {
    int[] order = order(request.sort(), request.ascending(), s);
    Map<Integer, EndpointFacts> facts = new HashMap<>();
    long total = 0;
    List<Integer> window = new ArrayList<>(request.to() - request.from());
    for (int e : order) {
      boolean match = true;
      for (EndpointFilters.Filter f : request.filters()) {
        if (!f.test(
            e, s, i -> facts.computeIfAbsent(i, k -> EndpointFacts.of(dir, k, s.lastSeen(k))))) {
          match = false;
          break;
        }
      }
      if (match) {
        if (total >= request.from() && total < request.to()) {
          window.add(e);
        }
        total++;
      }
      facts.clear();
    }
    return new Page(total, window);
  }

  private synchronized int[] order(
      EndpointRequest.SortField field, boolean ascending, VaSnapshot s) {
    if (ordersFor != s) {
      orders.keySet().removeIf(k -> k.startsWith(EndpointRequest.SortField.LAST_SEEN.name()));
      ordersFor = s;
    }
    return orders.computeIfAbsent(field.name() + ascending, k -> sorted(field, ascending, s));
  }

  private int[] sorted(EndpointRequest.SortField field, boolean ascending, VaSnapshot s) {
    int n = dir.count();
    if (field == EndpointRequest.SortField.ENDPOINT_ID) {
      int[] out = new int[n];
      for (int r = 0; r < n; r++) {
        out[r] = dir.atRank(ascending ? r : n - 1 - r);
      }
      return out;
    }
    // Sort ranks by time, so ties stay in endpoint_id order.
    long[] times = new long[n];
    for (int r = 0; r < n; r++) {
      int e = dir.atRank(r);
      times[r] = field == EndpointRequest.SortField.FIRST_SEEN ? dir.firstSeen(e) : s.lastSeen(e);
    }
    Integer[] ranks = new Integer[n];
    for (int r = 0; r < n; r++) {
      ranks[r] = r;
    }
    Arrays.sort(
        ranks,
        (a, b) -> {
          int c = Long.compare(times[a], times[b]);
          return c != 0 ? (ascending ? c : -c) : Integer.compare(a, b);
        });
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = dir.atRank(ranks[i]);
    }
    return out;
  }
}
