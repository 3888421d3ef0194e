package dev.sightline.connector.crowdstrike;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs of the connector. Production uses {@link #defaults()}; tests shorten the waits
 * through the factory's package-private constructor, so no knob reaches the console form.
 *
 * @param deltaOverlap how far before the last watermark a delta starts, to catch records the vendor
 *     indexed late; zero makes a delta start strictly after the last record read
 * @param tokenRefreshMargin refresh a token with less than this left (PSFalcon uses 240 s)
 * @param rateLimitMargin added to the vendor's {@code X-RateLimit-RetryAfter} instant; it covers
 *     the header's whole-second resolution. J1 adds 60 s, but a repeated 429 simply waits again, so
 *     a large margin would only slow every throttled crawl
 * @param rateLimitJitter the most random time added to a rate-limit wait, so parallel runs spread
 * @param backoffBase first wait after a 5xx or dropped connection, doubled per attempt
 * @param backoffCap the longest such wait
 * @param maxAttempts attempts per call, the first included
 */
record CrowdStrikeTuning(
    Duration deltaOverlap,
    Duration tokenRefreshMargin,
    Duration rateLimitMargin,
    Duration rateLimitJitter,
    Duration backoffBase,
    Duration backoffCap,
    int maxAttempts,
    Duration connectTimeout,
    Duration requestTimeout) {

  CrowdStrikeTuning {
    requireNotNegative(deltaOverlap, "deltaOverlap");
    requireNotNegative(tokenRefreshMargin, "tokenRefreshMargin");
    requireNotNegative(rateLimitMargin, "rateLimitMargin");
    requireNotNegative(rateLimitJitter, "rateLimitJitter");
    requireNotNegative(backoffBase, "backoffBase");
    requireNotNegative(backoffCap, "backoffCap");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  static CrowdStrikeTuning defaults() {
    return new CrowdStrikeTuning(
        Duration.ofMinutes(2),
        Duration.ofSeconds(240),
        Duration.ofSeconds(1),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        8,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  CrowdStrikeTuning withDeltaOverlap(Duration overlap) {
    return new CrowdStrikeTuning(
        overlap,
        tokenRefreshMargin,
        rateLimitMargin,
        rateLimitJitter,
        backoffBase,
        backoffCap,
        maxAttempts,
        connectTimeout,
        requestTimeout);
  }

  CrowdStrikeTuning withBackoff(Duration base, Duration cap, int attempts) {
    return new CrowdStrikeTuning(
        deltaOverlap,
        tokenRefreshMargin,
        rateLimitMargin,
        rateLimitJitter,
        base,
        cap,
        attempts,
        connectTimeout,
        requestTimeout);
  }

  CrowdStrikeTuning withRateLimitMargin(Duration margin, Duration jitter) {
    return new CrowdStrikeTuning(
        deltaOverlap,
        tokenRefreshMargin,
        margin,
        jitter,
        backoffBase,
        backoffCap,
        maxAttempts,
        connectTimeout,
        requestTimeout);
  }

  private static void requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  private static void requirePositive(Duration d, String name) {
    requireNotNegative(d, name);
    if (d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
