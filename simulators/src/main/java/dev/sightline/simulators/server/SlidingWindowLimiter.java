package dev.sightline.simulators.server;

import java.time.Duration;
import java.time.Instant;

/**
 * A sliding-window request limit (CrowdStrike: "6,000 requests per minute … calculated on a sliding
 * window"; Cortex XDR: 10 requests per second per tenant). Keeps the timestamps of the last {@code
 * limit} admitted requests in a ring. Thread-safe.
 */
public final class SlidingWindowLimiter {
  /** The verdict on one request; {@code retryAfterEpochSecond} is set when refused. */
  public record Outcome(boolean allowed, int limit, int remaining, long retryAfterEpochSecond) {}

  private final int limit;
  private final long windowMillis;
  private final long[] ring;
  private int head;
  private int size;

  public SlidingWindowLimiter(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.ring = new long[limit];
  }

  public synchronized Outcome acquire(Instant now) {
    long t = now.toEpochMilli();
    while (size > 0 && ring[head] <= t - windowMillis) {
      head = (head + 1) % limit;
      size--;
    }
    if (size == limit) {
      long freeAt = ring[head] + windowMillis;
      return new Outcome(false, limit, 0, Math.floorDiv(freeAt + 999, 1000));
    }
    ring[(head + size) % limit] = t;
    size++;
    return new Outcome(true, limit, limit - size, 0);
  }
}
