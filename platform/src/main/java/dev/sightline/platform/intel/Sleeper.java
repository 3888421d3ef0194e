package dev.sightline.platform.intel;

import java.time.Duration;

/**
 * Waits between feed requests (NVD's rate limit, a server's Retry-After). Injected so tests advance
 * a clock instead of waiting. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: the calling thread sleeps, and stops early when interrupted. */
  Sleeper THREAD =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis());
        }
      };

  void sleep(Duration duration) throws InterruptedException;
}
