package dev.sightline.simulators.crowdstrike;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable view of all vulnerability records: the lazily generated base plus a small overlay of
 * records changed or added by {@code advance}. Readers take the current snapshot once per request,
 * so a page never sees half an advance; each advance publishes a new snapshot (copy-on-write, cheap
 * because only the overlay is copied).
 */
final class VulnSnapshot {
  private final int version;
  private final long baseCount;
  private final long addedCount;
  private final long latestChange;
  private final Map<Long, Vuln> overlay;
  private final BitSet shadowed;
  private final EnumMap<VulnStatus, Long> byStatus;
  private final AdvanceSummary lastAdvance;
  private final Map<VulnSort, List<Keyed>> sortedOverlay = new ConcurrentHashMap<>();

  /** An overlay record with its position in one sort order. */
  record Keyed(VulnKey key, Vuln vuln) {}

  /** What the latest {@code advance} did, for the manifest. */
  record AdvanceSummary(long at, int closed, int reopened, int added, int rescored) {
    static final AdvanceSummary NONE = new AdvanceSummary(Vuln.NO_TIME, 0, 0, 0, 0);

    int total() {
      return closed + reopened + added + rescored;
    }
  }

  VulnSnapshot(
      int version,
      long baseCount,
      long addedCount,
      long latestChange,
      Map<Long, Vuln> overlay,
      BitSet shadowed,
      EnumMap<VulnStatus, Long> byStatus,
      AdvanceSummary lastAdvance) {
    this.version = version;
    this.baseCount = baseCount;
    this.addedCount = addedCount;
    this.latestChange = latestChange;
    this.overlay = Collections.unmodifiableMap(overlay);
    this.shadowed = shadowed;
    this.byStatus = byStatus;
    this.lastAdvance = lastAdvance;
  }

  static VulnSnapshot initial(long baseCount, long anchor, EnumMap<VulnStatus, Long> byStatus) {
    return new VulnSnapshot(
        0, baseCount, 0, anchor, Map.of(), new BitSet(), byStatus, AdvanceSummary.NONE);
  }

  /** The next snapshot with {@code changes} (by ordinal) laid over this one. */
  VulnSnapshot with(
      Map<Long, Vuln> changes, long changeTime, AdvanceSummary summary, VulnGenerator generator) {
    Map<Long, Vuln> nextOverlay = new HashMap<>(overlay);
    BitSet nextShadowed = (BitSet) shadowed.clone();
    EnumMap<VulnStatus, Long> counts = new EnumMap<>(byStatus);
    long added = addedCount;
    for (Vuln v : changes.values()) {
      Vuln previous =
          v.ordinal() < baseCount || overlay.containsKey(v.ordinal())
              ? get(v.ordinal(), generator)
              : null;
      if (previous == null) {
        added++;
      } else {
        counts.merge(previous.status(), -1L, Long::sum);
      }
      counts.merge(v.status(), 1L, Long::sum);
      nextOverlay.put(v.ordinal(), v);
      if (v.ordinal() < baseCount) {
        nextShadowed.set(Math.toIntExact(v.ordinal()));
      }
    }
    return new VulnSnapshot(
        version + 1,
        baseCount,
        added,
        Math.max(latestChange, changeTime),
        nextOverlay,
        nextShadowed,
        counts,
        summary);
  }

  int version() {
    return version;
  }

  int advances() {
    return version;
  }

  long baseCount() {
    return baseCount;
  }

  long total() {
    return baseCount + addedCount;
  }

  long latestChange() {
    return latestChange;
  }

  long count(VulnStatus status) {
    return byStatus.getOrDefault(status, 0L);
  }

  AdvanceSummary lastAdvance() {
    return lastAdvance;
  }

  int overlaySize() {
    return overlay.size();
  }

  boolean shadowed(long baseOrdinal) {
    return shadowed.get((int) baseOrdinal);
  }

  Vuln get(long ordinal, VulnGenerator generator) {
    Vuln changed = overlay.get(ordinal);
    return changed != null ? changed : generator.base(ordinal);
  }

  Collection<Vuln> overlayRecords() {
    return overlay.values();
  }

  List<Keyed> overlaySorted(VulnSort sort, AgentDirectory agents) {
    return sortedOverlay.computeIfAbsent(
        sort,
        s -> {
          List<Keyed> out = new ArrayList<>(overlay.size());
          for (Vuln v : overlay.values()) {
            out.add(new Keyed(VulnKey.of(s, v, agents), v));
          }
          out.sort((a, b) -> a.key().compareTo(b.key()));
          return List.copyOf(out);
        });
  }
}
