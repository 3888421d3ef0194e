package dev.sightline.simulators.fleet;

/**
 * SplitMix64-based hashing. The simulators derive every generated value from these functions rather
 * than from {@link java.util.Random} or {@link java.util.SplittableRandom}, whose algorithms the
 * JDK does not promise to keep: a seed must name the same fleet on every JVM and in every release.
 */
public final class StableHash {
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private StableHash() {}

  /** The SplitMix64 finaliser: a bijective, well-mixed function of one long. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static long of(long a, long b) {
    return combine(mix(a + GOLDEN), b);
  }

  public static long of(long a, long b, long c) {
    return combine(of(a, b), c);
  }

  public static long of(long a, long b, long c, long d) {
    return combine(of(a, b, c), d);
  }

  /** A stable 64-bit value for a label, used to keep independent draw streams apart. */
  public static long salt(String label) {
    long h = 0x243F6A8885A308D3L;
    for (int i = 0; i < label.length(); i++) {
      h = combine(h, label.charAt(i));
    }
    return h;
  }

  private static long combine(long h, long v) {
    return mix(h ^ mix(v + GOLDEN + (h << 6) + (h >>> 2)));
  }
}
