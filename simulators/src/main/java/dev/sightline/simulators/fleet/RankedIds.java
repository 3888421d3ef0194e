package dev.sightline.simulators.fleet;

import java.util.Arrays;

/**
 * Agents' 128-bit ids (shown as 32 lower-case hex digits) ranked in their string order, which for
 * fixed-width hex is unsigned order: vendors list agents in that order and find one by id with a
 * binary search instead of a hash map over millions of agents. Immutable; the caller hands over the
 * arrays once filled.
 */
public final class RankedIds {
  private final long[] hi;
  private final long[] lo;
  private final long[] tie;
  private final int[] atRank;

  public RankedIds(long[] hi, long[] lo) {
    this(hi, lo, new long[hi.length]);
  }

  /**
   * @param tie orders entries whose 128-bit ids are equal: ids that share a 32-hex prefix and
   *     continue with a fixed-width number (CrowdStrike's unmanaged assets, {@code <cid>_<18
   *     digits>})
   */
  public RankedIds(long[] hi, long[] lo, long[] tie) {
    this.hi = hi;
    this.lo = lo;
    this.tie = tie;
    this.atRank = rank();
  }

  /** Compares two agents by id as strings. */
  public int compare(int a, int b) {
    int c = Long.compareUnsigned(hi[a], hi[b]);
    if (c == 0) {
      c = Long.compareUnsigned(lo[a], lo[b]);
    }
    return c != 0 ? c : Long.compare(tie[a], tie[b]);
  }

  /** The agent whose id has this rank. */
  public int atRank(int rank) {
    return atRank[rank];
  }

  /** The agent with this id, or -1. */
  public int find(long idHi, long idLo) {
    int low = 0;
    int high = atRank.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int a = atRank[mid];
      int c = Long.compareUnsigned(hi[a], idHi);
      if (c == 0) {
        c = Long.compareUnsigned(lo[a], idLo);
      }
      if (c == 0) {
        return a;
      }
      if (c < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -1;
  }

  private int[] rank() {
    Integer[] order = new Integer[hi.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, this::compare);
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = order[i];
    }
    return out;
  }
}
