package dev.sightline.simulators.crowdstrike;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One Spotlight search over one snapshot: a merge of the base sort index and the sorted overlay,
 * filtered by the compiled FQL, resumed strictly after a search-after key. When the filter bounds
 * the sort field (the delta case, {@code updated_timestamp:>'…'} sorted by it), the walk starts and
 * stops at those bounds instead of scanning everything.
 */
final class VulnQuery {
  record Page(List<Vuln> records, boolean more) {}

  private final VulnStore store;
  private final VulnSnapshot snapshot;
  private final VulnSort sort;
  private final Predicate<Vuln> filter;
  private final String filterText;
  private final SortIndex index;
  private final long minEncoded;
  private final long maxEncoded;

  VulnQuery(VulnStore store, VulnSort sort, FqlFields.Compiled<Vuln> compiled, String filterText) {
    this.store = store;
    this.snapshot = store.snapshot();
    this.sort = sort;
    this.filter = compiled.predicate();
    this.filterText = filterText;
    this.index = store.index(sort);
    FqlFields.TimeRange range = compiled.range(sort.field().wire);
    long minSeconds =
        range.minMillis() == Long.MIN_VALUE
            ? Long.MIN_VALUE
            : Math.floorDiv(range.minMillis() + 999, 1000);
    long maxSeconds =
        range.maxMillis() == Long.MAX_VALUE
            ? Long.MAX_VALUE
            : Math.floorDiv(range.maxMillis(), 1000);
    long low = minSeconds == Long.MIN_VALUE ? 0 : clamp(minSeconds);
    long high = maxSeconds == Long.MAX_VALUE ? VulnSort.MAX_ENCODED : clamp(maxSeconds);
    boolean bounded = range.minMillis() != Long.MIN_VALUE || range.maxMillis() != Long.MAX_VALUE;
    if (!sort.descending()) {
      minEncoded = low;
      maxEncoded = bounded && maxSeconds != Long.MAX_VALUE ? high : VulnSort.MAX_ENCODED;
    } else {
      minEncoded = maxSeconds == Long.MAX_VALUE ? 0 : VulnSort.MAX_ENCODED - 1 - high;
      maxEncoded =
          minSeconds == Long.MIN_VALUE ? VulnSort.MAX_ENCODED : VulnSort.MAX_ENCODED - 1 - low;
    }
  }

  VulnSnapshot snapshot() {
    return snapshot;
  }

  Page page(Optional<VulnKey> after, int limit) {
    Walk walk = new Walk(after);
    List<Vuln> out = new ArrayList<>(Math.min(limit, 1024));
    for (Vuln v = walk.next(); v != null; v = walk.next()) {
      if (!filter.test(v)) {
        continue;
      }
      if (out.size() == limit) {
        return new Page(out, true);
      }
      out.add(v);
    }
    return new Page(out, false);
  }

  /**
   * Matching records in this snapshot, cached per (snapshot, filter) since every page reports it.
   */
  long total() {
    String key = snapshot.version() + "\u0000" + filterText;
    Long cached = store.cachedCount(key);
    if (cached != null) {
      return cached;
    }
    long count = 0;
    Walk walk = new Walk(Optional.empty());
    for (Vuln v = walk.next(); v != null; v = walk.next()) {
      if (filter.test(v)) {
        count++;
      }
    }
    if (!filterText.contains("now")) {
      store.cacheCount(key, count);
    }
    return count;
  }

  VulnKey keyOf(Vuln v) {
    return VulnKey.of(sort, v, store.agents());
  }

  private static long clamp(long seconds) {
    return Math.max(0, Math.min(VulnSort.MAX_ENCODED - 1, seconds));
  }

  /** Merges base positions and overlay records in (encoded time, id) order. */
  private final class Walk {
    private final List<VulnSnapshot.Keyed> overlay;
    private int basePosition;
    private int overlayPosition;
    private Vuln baseNext;
    private VulnKey baseNextKey;

    Walk(Optional<VulnKey> after) {
      overlay = snapshot.overlaySorted(sort, store.agents());
      basePosition = index.firstAtLeast(minEncoded);
      overlayPosition = 0;
      if (after.isPresent()) {
        basePosition = Math.max(basePosition, positionAfter(after.get()));
      }
      while (overlayPosition < overlay.size()
          && (overlay.get(overlayPosition).key().encoded() < minEncoded
              || after.isPresent()
                  && overlay.get(overlayPosition).key().compareTo(after.get()) <= 0)) {
        overlayPosition++;
      }
      advanceBase();
    }

    Vuln next() {
      VulnSnapshot.Keyed o = overlayPosition < overlay.size() ? overlay.get(overlayPosition) : null;
      if (o != null && o.key().encoded() > maxEncoded) {
        o = null;
      }
      if (baseNext == null && o == null) {
        return null;
      }
      if (o == null || (baseNext != null && keyOfBase().compareTo(o.key()) < 0)) {
        Vuln v = baseNext;
        advanceBase();
        return v;
      }
      overlayPosition++;
      return o.vuln();
    }

    private VulnKey keyOfBase() {
      if (baseNextKey == null) {
        baseNextKey = keyOf(baseNext);
      }
      return baseNextKey;
    }

    private void advanceBase() {
      baseNext = null;
      baseNextKey = null;
      while (basePosition < index.size()) {
        if (index.encodedAt(basePosition) > maxEncoded) {
          basePosition = index.size();
          return;
        }
        long ordinal = index.ordinalAt(basePosition++);
        if (!snapshot.shadowed(ordinal)) {
          baseNext = store.generator().base(ordinal);
          return;
        }
      }
    }

    /** First index position strictly after {@code key}: same-time groups are in id order. */
    private int positionAfter(VulnKey key) {
      int low = index.firstAtLeast(key.encoded());
      int high =
          key.encoded() >= VulnSort.MAX_ENCODED
              ? index.size()
              : index.firstAtLeast(key.encoded() + 1);
      while (low < high) {
        int mid = (low + high) >>> 1;
        Vuln v = store.generator().base(index.ordinalAt(mid));
        if (keyOf(v).compareTo(key) <= 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
