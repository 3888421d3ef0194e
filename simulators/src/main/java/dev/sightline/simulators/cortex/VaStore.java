package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's vulnerability-assessment data over time. {@link #advance} changes N distinct
 * endpoint × CVE findings: about half are fixed (the CVE leaves the endpoint's {@code cves}) and
 * half are new (the next CVEs of the endpoint's catalogue walk); every endpoint touched reports at
 * once, so its {@code last_seen} moves to the injected clock's now (strictly later than any earlier
 * change) and it shows as connected. Old agents of reimaged machines never change.
 *
 * <p>Thread-safe: readers take an immutable {@link VaSnapshot}; advances are serialised.
 */
final class VaStore {
  private static final long SALT = StableHash.salt("cx.advance");

  private final long seed;
  private final EndpointDirectory endpoints;
  private final BaseFindings base;
  private final Clock clock;
  private volatile VaSnapshot current;
  private long latestChange;

  VaStore(
      long seed, EndpointDirectory endpoints, BaseFindings base, Clock clock, BlankCveRows blanks) {
    this.seed = seed;
    this.endpoints = endpoints;
    this.base = base;
    this.clock = clock;
    this.current = VaSnapshot.initial(base, endpoints, blanks);
    this.latestChange = endpoints.anchorMillis();
  }

  VaSnapshot snapshot() {
    return current;
  }

  synchronized VaSnapshot.AdvanceSummary advance(int changes) {
    VaSnapshot s = current;
    long now = Math.max(clock.millis(), latestChange + 1);
    Map<Integer, int[]> cves = new HashMap<>(s.changedCves());
    Map<Integer, Long> seen = new HashMap<>(s.movedLastSeen());
    SeededDraws d = new SeededDraws(StableHash.of(seed, s.advances() + 1L, SALT));
    Set<Long> pairs = new HashSet<>();
    Set<Integer> touched = new HashSet<>();
    int fixed = 0;
    int added = 0;
    int count = endpoints.count();
    for (long attempts = 0;
        fixed + added < changes && count > 0 && attempts < 20L * changes + 100;
        attempts++) {
      int e = d.nextInt(count);
      if (endpoints.stale(e)) {
        continue;
      }
      int[] refs = cves.containsKey(e) ? cves.get(e) : s.refs(e);
      int[] next =
          refs.length > 0 && d.chance(0.5) ? fix(e, refs, d, pairs) : add(e, refs, d, pairs);
      if (next == null) {
        continue;
      }
      if (next.length < refs.length) {
        fixed++;
      } else {
        added++;
      }
      cves.put(e, next);
      seen.put(e, now);
      touched.add(e);
    }
    if (fixed + added > 0) {
      latestChange = now;
    }
    VaSnapshot.AdvanceSummary summary =
        new VaSnapshot.AdvanceSummary(now, fixed + added, fixed, added, touched.size());
    current =
        new VaSnapshot(
            base,
            endpoints,
            s.blanks(),
            cves,
            seen,
            s.findings() - fixed + added,
            s.advances() + 1,
            s.changedFindings() + fixed + added,
            summary);
    return summary;
  }

  private static int[] fix(int e, int[] refs, SeededDraws d, Set<Long> pairs) {
    int i = d.nextInt(refs.length);
    if (!pairs.add(pair(e, refs[i]))) {
      return null;
    }
    int[] next = new int[refs.length - 1];
    System.arraycopy(refs, 0, next, 0, i);
    System.arraycopy(refs, i + 1, next, i, refs.length - i - 1);
    return next;
  }

  private int[] add(int e, int[] refs, SeededDraws d, Set<Long> pairs) {
    int from = base.slots(e) + d.nextInt(40);
    for (int slot = from; slot < from + 200; slot++) {
      int ref = base.walk(e, slot);
      if (ref >= 0 && Arrays.stream(refs).noneMatch(r -> r == ref) && pairs.add(pair(e, ref))) {
        int[] next = Arrays.copyOf(refs, refs.length + 1);
        next[refs.length] = ref;
        return base.sortById(next);
      }
    }
    return null;
  }

  private static long pair(int e, int ref) {
    return ((long) e << 32) | ref;
  }
}
