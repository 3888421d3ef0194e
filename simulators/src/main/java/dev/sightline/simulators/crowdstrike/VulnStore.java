package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * All vulnerability records of a tenant: base generation, sort indexes (built lazily, except {@code
 * updated_timestamp|asc} which the start-up pass builds while counting), the current {@link
 * VulnSnapshot}, and {@link #advance}. Thread-safe: advances are serialised, readers use the
 * snapshot they took.
 */
final class VulnStore {
  private static final long SALT_ADVANCE = StableHash.salt("cs.advance");
  private static final int[] EXPLOIT_VALUES = {0, 30, 60, 90};
  private static final List<String> SEVERITIES =
      List.of("UNKNOWN", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");

  private final long seed;
  private final long anchor;
  private final Clock clock;
  private final AgentDirectory agents;
  private final VulnGenerator generator;
  private final CveCatalog catalog;
  private final Map<VulnSort, SortIndex> indexes = new ConcurrentHashMap<>();
  private final Map<String, Long> bySeverity;
  private final long cisaKev;
  private final Map<String, Long> countCache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > 256;
        }
      };
  private volatile VulnSnapshot snapshot;

  VulnStore(long seed, long anchor, Clock clock, AgentDirectory agents, CveCatalog catalog) {
    this.seed = seed;
    this.anchor = anchor;
    this.clock = clock;
    this.agents = agents;
    this.catalog = catalog;
    this.generator = new VulnGenerator(seed, anchor, agents);
    long count = generator.baseCount();
    if (count > SortIndex.ORDINAL_MASK) {
      throw new IllegalArgumentException("tenant too large: " + count + " vulnerabilities");
    }
    // One parallel pass counts what the manifest reports and keys the default sort index; each
    // chunk writes its own slice of the key array and its own counters.
    int chunks = (int) Math.max(1, Math.min(256, count / 4096));
    long[] updatedKeys = new long[(int) count];
    long[][] chunkCounts = new long[chunks][VulnStatus.values().length + 7];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              long[] counts = chunkCounts[c];
              for (long ordinal = count * c / chunks;
                  ordinal < count * (c + 1) / chunks;
                  ordinal++) {
                Vuln v = generator.base(ordinal);
                counts[v.status().ordinal()]++;
                CveEntry entry = catalog.entry(v.cve());
                counts[VulnStatus.values().length + SEVERITIES.indexOf(entry.severity())]++;
                counts[counts.length - 1] += entry.kev() ? 1 : 0;
                updatedKeys[(int) ordinal] = SortIndex.key(VulnSort.DEFAULT.encode(v), ordinal);
              }
            });
    EnumMap<VulnStatus, Long> byStatus = new EnumMap<>(VulnStatus.class);
    Map<String, Long> severities = new TreeMap<>();
    long kev = 0;
    for (long[] counts : chunkCounts) {
      for (VulnStatus s : VulnStatus.values()) {
        byStatus.merge(s, counts[s.ordinal()], Long::sum);
      }
      for (int i = 0; i < SEVERITIES.size(); i++) {
        severities.merge(SEVERITIES.get(i), counts[VulnStatus.values().length + i], Long::sum);
      }
      kev += counts[counts.length - 1];
    }
    severities.values().removeIf(n -> n == 0);
    indexes.put(VulnSort.DEFAULT, SortIndex.fromUnsortedKeys(updatedKeys));
    this.bySeverity = Map.copyOf(severities);
    this.cisaKev = kev;
    this.snapshot = VulnSnapshot.initial(count, anchor, byStatus);
  }

  VulnSnapshot snapshot() {
    return snapshot;
  }

  VulnGenerator generator() {
    return generator;
  }

  AgentDirectory agents() {
    return agents;
  }

  CveCatalog catalog() {
    return catalog;
  }

  SortIndex index(VulnSort sort) {
    return indexes.computeIfAbsent(sort, s -> SortIndex.build(s, generator));
  }

  /** Severity and KEV counts of the base tenant; advances rescore ExPRT, never CVSS. */
  Map<String, Long> bySeverityAtStart() {
    return bySeverity;
  }

  long cisaKevAtStart() {
    return cisaKev;
  }

  Long cachedCount(String key) {
    synchronized (countCache) {
      return countCache.get(key);
    }
  }

  void cacheCount(String key, long count) {
    synchronized (countCache) {
      countCache.put(key, count);
    }
  }

  /**
   * Changes {@code changes} distinct records (closes, reopens, additions, rescorings), all stamped
   * with one {@code updated_timestamp} strictly later than every timestamp the tenant held before.
   */
  synchronized VulnSnapshot advance(int changes) {
    if (changes < 0) {
      throw new IllegalArgumentException("changes must be >= 0: " + changes);
    }
    VulnSnapshot current = snapshot;
    long now =
        Math.max(clock.instant().getEpochSecond(), Math.max(current.latestChange(), anchor) + 1);
    SeededDraws d = new SeededDraws(StableHash.of(seed, SALT_ADVANCE, current.version()));
    Map<Long, Vuln> changed = new HashMap<>();
    int closed = 0;
    int reopened = 0;
    int added = 0;
    int rescored = 0;
    long nextNew = current.total();
    for (int k = 0; k < changes; k++) {
      int r = d.nextInt(100);
      Vuln existing = r < 30 ? null : pickUnchanged(current, changed, d);
      if (existing == null) {
        Vuln fresh = newRecord(current, changed, nextNew, d, now);
        if (fresh == null) {
          break; // no live agent, or none without this CVE: the tenant gains no finding here
        }
        changed.put(fresh.ordinal(), fresh);
        nextNew++;
        added++;
        continue;
      }
      Vuln next;
      boolean liveAgent = !agents.stale(existing.agent());
      if ((existing.status() == VulnStatus.OPEN || existing.status() == VulnStatus.REOPEN)
          && r < 75) {
        next = existing.withChange(VulnStatus.CLOSED, now, now);
        closed++;
      } else if (liveAgent
          && (existing.status() == VulnStatus.CLOSED || existing.status() == VulnStatus.EXPIRED)
          && r < 85) {
        next = existing.withChange(VulnStatus.REOPEN, now, Vuln.NO_TIME);
        reopened++;
      } else {
        next = rescore(existing, d, now);
        rescored++;
      }
      changed.put(next.ordinal(), next);
    }
    VulnSnapshot.AdvanceSummary summary =
        new VulnSnapshot.AdvanceSummary(now, closed, reopened, added, rescored);
    snapshot =
        current.with(changed, changed.isEmpty() ? current.latestChange() : now, summary, generator);
    return snapshot;
  }

  private Vuln pickUnchanged(VulnSnapshot current, Map<Long, Vuln> changed, SeededDraws d) {
    long total = current.total();
    for (int attempt = 0; attempt < 8 && total > 0; attempt++) {
      long ordinal = d.betweenLong(0, total - 1);
      if (!changed.containsKey(ordinal)) {
        return current.get(ordinal, generator);
      }
    }
    return null;
  }

  /**
   * A new finding on a live agent, about a CVE the agent has no record of yet: Spotlight keeps one
   * record per vulnerability and host, so a second one would be a duplicate, not a new finding.
   */
  private Vuln newRecord(
      VulnSnapshot current, Map<Long, Vuln> changed, long ordinal, SeededDraws d, long now) {
    if (agents.count() == 0) {
      return null;
    }
    int agent = d.nextInt(agents.count());
    for (int step = 0; step < agents.count() && agents.stale(agent); step++) {
      agent = (agent + 1) % agents.count();
    }
    if (agents.stale(agent)) {
      return null;
    }
    OsFamily family = agents.family(agent);
    int cve = CveCatalog.ref(family, d.nextInt(CveCatalog.size(family)));
    for (int attempt = 0; attempt < 16 && agentHas(current, changed, agent, cve); attempt++) {
      cve = CveCatalog.ref(family, d.nextInt(CveCatalog.size(family)));
    }
    if (agentHas(current, changed, agent, cve)) {
      return null;
    }
    return new Vuln(
        ordinal,
        agent,
        d.nextLong(),
        d.nextLong(),
        cve,
        VulnStatus.OPEN,
        now,
        now,
        Vuln.NO_TIME,
        -1,
        -1,
        -1,
        false);
  }

  private boolean agentHas(VulnSnapshot current, Map<Long, Vuln> changed, int agent, int cve) {
    return generator.baseHas(agent, cve)
        || current.overlayRecords().stream().anyMatch(v -> v.agent() == agent && v.cve() == cve)
        || changed.values().stream().anyMatch(v -> v.agent() == agent && v.cve() == cve);
  }

  private Vuln rescore(Vuln v, SeededDraws d, long now) {
    CveEntry entry = catalog.entry(v.cve());
    String currentExprt =
        v.exprtOverride() >= 0 ? Vuln.EXPRT[v.exprtOverride()] : entry.exprtRating();
    int exprt;
    do {
      exprt = 1 + d.nextInt(Vuln.EXPRT.length - 1);
    } while (Vuln.EXPRT[exprt].equals(currentExprt));
    int currentExploit = v.exploitOverride() >= 0 ? v.exploitOverride() : entry.exploitStatus();
    int exploit;
    do {
      exploit = EXPLOIT_VALUES[d.nextInt(EXPLOIT_VALUES.length)];
    } while (exploit == currentExploit);
    return v.rescored(exprt, exploit, now);
  }
}
