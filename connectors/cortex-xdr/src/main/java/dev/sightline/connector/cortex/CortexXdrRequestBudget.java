package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side request budget, additive increase and multiplicative decrease: request starts are
 * spaced {@code 1 / rate} apart by the context's clock, retries included, where the rate starts at
 * the connection's configured requests per second (at most the tenant's 10). Cortex sends no
 * rate-limit headers, so pacing up front is the only way to stay under the limit, and "Too many
 * requests." is the only sign that other integrations are using the tenant's share too: each one
 * halves the rate (down to one request per second), and every quiet {@link
 * CortexXdrTuning#budgetRecovery()} after the last one gives one request per second back, up to the
 * configured rate. Waits go through {@link ConnectorContext#sleep}, so a cancelled run stops at
 * once. Thread-safe.
 */
final class CortexXdrRequestBudget {

  /** The slowest the budget gets: a second between requests, whatever the vendor says. */
  static final double FLOOR = 1.0;

  private final ConnectorContext context;
  private final double configured;
  private final Duration recovery;
  private double rate;
  private Instant nextStart = Instant.MIN;

  /** The last refusal or the last step of recovery since; the next step is a quiet period on. */
  private Instant lastChange = Instant.MIN;

  CortexXdrRequestBudget(ConnectorContext context, int requestsPerSecond, Duration recovery) {
    if (requestsPerSecond < 1 || requestsPerSecond > CortexXdrConfig.TENANT_LIMIT) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be 1.." + CortexXdrConfig.TENANT_LIMIT);
    }
    this.context = context;
    this.configured = requestsPerSecond;
    this.recovery = recovery;
    this.rate = configured;
  }

  /** Waits until the next request may start, and books that start. */
  void acquire() throws InterruptedException {
    Duration wait;
    synchronized (this) {
      Instant now = context.clock().instant();
      recover(now);
      Instant start = nextStart.isAfter(now) ? nextStart : now;
      nextStart = start.plus(spacing());
      wait = Duration.between(now, start);
    }
    context.sleep(wait);
  }

  /**
   * The tenant answered "Too many requests.": halve the rate, and space the next start by the new
   * rate from now, whatever was booked before.
   */
  synchronized void tooManyRequests() {
    Instant now = context.clock().instant();
    rate = Math.max(FLOOR, rate / 2);
    lastChange = now;
    Instant earliest = now.plus(spacing());
    if (nextStart.isBefore(earliest)) {
      nextStart = earliest;
    }
  }

  /** The requests per second the budget allows now. */
  synchronized double rate() {
    recover(context.clock().instant());
    return rate;
  }

  /** The configured requests per second, the most the budget ever allows. */
  double configured() {
    return configured;
  }

  private void recover(Instant now) {
    if (rate >= configured) {
      return;
    }
    long quietPeriods = Duration.between(lastChange, now).toNanos() / recovery.toNanos();
    if (quietPeriods > 0) {
      rate = Math.min(configured, rate + quietPeriods);
      lastChange = lastChange.plus(recovery.multipliedBy(quietPeriods));
    }
  }

  /** The least time between two request starts at the current rate. */
  private Duration spacing() {
    return Duration.ofNanos((long) Math.ceil(1_000_000_000L / rate));
  }
}
