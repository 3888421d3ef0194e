package dev.sightline.connector.cortex;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and budget knobs of the connector. Production uses {@link #defaults()}; tests change them
 * through the factory's package-private constructor, so no knob reaches the console form.
 *
 * @param budgetRecovery after "Too many requests." halved the request budget, each such quiet
 *     period without another one gives back one request per second, up to the configured budget
 * @param rateLimitWait first wait after "Too many requests." (the limit is per second), doubled per
 *     attempt up to {@code backoffCap}
 * @param parallelQueryWait first wait after a refusal for too many parallel XQL queries, doubled
 * @param jitter the most random time added to a rate-limit or parallel-query wait
 * @param backoffBase first wait after a 5xx or dropped connection, doubled per attempt
 * @param maxAttempts attempts per call, the first included
 * @param pollFirst first wait between {@code get_query_results} polls while PENDING, grown by half
 *     per poll up to {@code pollCap}
 * @param queryTimeout how long a query may stay PENDING before the read gives up
 * @param deltaOverlap how far before the last run's newest {@code last_seen} a delta starts
 * @param xqlTimeframe the XQL timeframe (relative); the VA datasets hold current state, but XQL
 *     still wants a window
 */
record CortexXdrTuning(
    Duration budgetRecovery,
    Duration rateLimitWait,
    Duration parallelQueryWait,
    Duration jitter,
    Duration backoffBase,
    Duration backoffCap,
    int maxAttempts,
    Duration pollFirst,
    Duration pollCap,
    Duration queryTimeout,
    Duration deltaOverlap,
    Duration xqlTimeframe,
    Duration connectTimeout,
    Duration requestTimeout) {

  CortexXdrTuning {
    Objects.requireNonNull(budgetRecovery, "budgetRecovery");
    if (budgetRecovery.isNegative() || budgetRecovery.isZero()) {
      throw new IllegalArgumentException("budgetRecovery must be positive");
    }
    for (Duration d :
        new Duration[] {
          rateLimitWait,
          parallelQueryWait,
          jitter,
          backoffBase,
          backoffCap,
          pollFirst,
          pollCap,
          deltaOverlap
        }) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
    for (Duration d : new Duration[] {queryTimeout, xqlTimeframe, connectTimeout, requestTimeout}) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts and the XQL timeframe must be positive");
      }
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  static CortexXdrTuning defaults() {
    return new CortexXdrTuning(
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        8,
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(2),
        Duration.ofDays(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(120));
  }

  CortexXdrTuning withBudgetRecovery(Duration recovery) {
    return new CortexXdrTuning(
        recovery,
        rateLimitWait,
        parallelQueryWait,
        jitter,
        backoffBase,
        backoffCap,
        maxAttempts,
        pollFirst,
        pollCap,
        queryTimeout,
        deltaOverlap,
        xqlTimeframe,
        connectTimeout,
        requestTimeout);
  }

  CortexXdrTuning withBackoff(Duration base, Duration cap, int attempts) {
    return new CortexXdrTuning(
        budgetRecovery,
        rateLimitWait,
        parallelQueryWait,
        jitter,
        base,
        cap,
        attempts,
        pollFirst,
        pollCap,
        queryTimeout,
        deltaOverlap,
        xqlTimeframe,
        connectTimeout,
        requestTimeout);
  }

  CortexXdrTuning withWaits(Duration rateLimit, Duration parallelQuery, Duration poll) {
    return new CortexXdrTuning(
        budgetRecovery,
        rateLimit,
        parallelQuery,
        jitter,
        backoffBase,
        backoffCap,
        maxAttempts,
        poll,
        pollCap,
        queryTimeout,
        deltaOverlap,
        xqlTimeframe,
        connectTimeout,
        requestTimeout);
  }

  CortexXdrTuning withDeltaOverlap(Duration overlap) {
    return new CortexXdrTuning(
        budgetRecovery,
        rateLimitWait,
        parallelQueryWait,
        jitter,
        backoffBase,
        backoffCap,
        maxAttempts,
        pollFirst,
        pollCap,
        queryTimeout,
        overlap,
        xqlTimeframe,
        connectTimeout,
        requestTimeout);
  }
}
