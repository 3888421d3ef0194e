package dev.sightline.simulators.fleet;

import java.util.List;

/**
 * A deterministic stream of draws from one starting hash. Not thread-safe: create one per record
 * being generated; that keeps every record independent of the order in which records are asked for.
 */
public final class SeededDraws {
  private static final String HEX = "0123456789abcdef";
  private long state;

  public SeededDraws(long start) {
    this.state = start;
  }

  public long nextLong() {
    state += StableHash.GOLDEN;
    return StableHash.mix(state);
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [low, high], both inclusive. */
  public int between(int low, int high) {
    return low + nextInt(high - low + 1);
  }

  /** Uniform in [low, high], both inclusive. */
  public long betweenLong(long low, long high) {
    return low + Long.remainderUnsigned(nextLong(), high - low + 1);
  }

  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean chance(double probability) {
    return nextDouble() < probability;
  }

  public <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  @SafeVarargs
  public final <T> T pick(T... items) {
    return items[nextInt(items.length)];
  }

  public String chars(int length, String alphabet) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public String hex(int length) {
    return chars(length, HEX);
  }
}
