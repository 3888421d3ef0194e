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
 * configured rate.
 *
 * <p>Spacing starts alone cannot keep the tenant's count: a request that is slow to arrive (the
 * first one's TLS handshake, say) lands close to the next one. So a request also starts no sooner
 * than a second after the request {@link CortexXdrConfig#TENANT_LIMIT ten} before it ended (see
 * {@link #finished}): whatever the latency, no eleven requests reach the tenant within one second.
 * This assumes one request in flight at a time, as the connector sends them. Waits go through
 * {@link ConnectorContext#sleep}, so a cancelled run stops at once.
 */
final class CortexXdrRequestBudget {

  /** The slowest the budget gets: a second between requests, whatever the vendor says. */
  static final double FLOOR = 1.0;

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final ConnectorContext context;
  private final double configured;
  private final Duration recovery;
  private double rate;
  private Instant nextStart = Instant.MIN;

  /** When each of the last ten requests ended, or started while it is under way; a ring. */
  private final Instant[] recent = new Instant[CortexXdrConfig.TENANT_LIMIT];

  private int slot;
  private int underWay = -1;

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
      Instant tenBefore = recent[slot];
      if (tenBefore != null && start.isBefore(tenBefore.plus(SECOND))) {
        start = tenBefore.plus(SECOND);
      }
      nextStart = start.plus(spacing());
      recent[slot] = start;
      underWay = slot;
      slot = (slot + 1) % recent.length;
      wait = Duration.between(now, start);
    }
    context.sleep(wait);
  }

  /** The request last started has been answered (or failed): its end counts for the tenant. */
  synchronized void finished() {
    if (underWay >= 0) {
      Instant now = context.clock().instant();
      if (now.isAfter(recent[underWay])) {
        recent[underWay] = now;
      }
      underWay = -1;
    }
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
