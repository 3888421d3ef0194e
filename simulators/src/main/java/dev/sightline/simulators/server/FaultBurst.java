package dev.sightline.simulators.server;

/**
 * A fault served to {@code count} consecutive calls, starting with call number {@code fromCall}
 * (counted from 1 over the simulator's life): the {@code N} or {@code N@K} value of a burst item
 * such as {@code 429-storm:8@12}. Unlike a random rate, a burst is exact and reproducible, so a
 * test can aim it at the middle of a crawl and know what the client met.
 */
public record FaultBurst(int count, long fromCall) {
  public static final FaultBurst NONE = new FaultBurst(0, 1);

  public FaultBurst {
    if (count < 0 || fromCall < 1) {
      throw new IllegalArgumentException("a burst needs count >= 0 and fromCall >= 1");
    }
  }

  /** {@code N} (from the first call) or {@code N@K}; both positive. */
  public static FaultBurst parse(FaultItem item, String value) {
    int at = value.indexOf('@');
    if (at < 0) {
      return new FaultBurst(item.positiveCount(value), 1);
    }
    return new FaultBurst(
        item.positiveCount(value.substring(0, at)), item.positiveCount(value.substring(at + 1)));
  }

  public boolean isNone() {
    return count == 0;
  }

  /** Whether this burst starts at call number {@code call}. */
  public boolean startsAt(long call) {
    return count > 0 && call == fromCall;
  }
}
