package dev.sightline.simulators.crowdstrike;

import java.util.Arrays;

/**
 * Base vulnerability ordinals in one sort order, as a sorted {@code long[]} of {@code encodedTime
 * << 27 | ordinal}: 8 bytes per record and no object per record. Because ordinals follow id order,
 * sorting the keys gives (time, id) order with no comparator.
 */
final class SortIndex {
  static final int ORDINAL_BITS = 27;
  static final long ORDINAL_MASK = (1L << ORDINAL_BITS) - 1;

  private final long[] keys;

  private SortIndex(long[] keys) {
    this.keys = keys;
  }

  static SortIndex build(VulnSort sort, VulnGenerator generator) {
    long count = generator.baseCount();
    long[] keys = new long[Math.toIntExact(count)];
    for (int ordinal = 0; ordinal < keys.length; ordinal++) {
      keys[ordinal] = key(sort.encode(generator.base(ordinal)), ordinal);
    }
    Arrays.parallelSort(keys);
    return new SortIndex(keys);
  }

  /** For callers that computed the keys already (the start-up pass). */
  static SortIndex fromUnsortedKeys(long[] keys) {
    Arrays.parallelSort(keys);
    return new SortIndex(keys);
  }

  static long key(long encoded, long ordinal) {
    return (encoded << ORDINAL_BITS) | ordinal;
  }

  int size() {
    return keys.length;
  }

  long encodedAt(int position) {
    return keys[position] >>> ORDINAL_BITS;
  }

  long ordinalAt(int position) {
    return keys[position] & ORDINAL_MASK;
  }

  /** First position whose encoded time is at least {@code encoded}. */
  int firstAtLeast(long encoded) {
    int i = Arrays.binarySearch(keys, key(encoded, 0));
    return i >= 0 ? i : -i - 1;
  }
}
