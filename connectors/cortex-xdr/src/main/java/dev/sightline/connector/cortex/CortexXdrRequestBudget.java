package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side request budget: request starts are spaced at least {@link
 * CortexXdrTuning#requestSpacing()} apart by the context's clock, retries included, so one
 * connection never uses more than its share of the tenant's 10 requests per second. Cortex sends no
 * rate-limit headers, so pacing up front is the only way to stay under the limit. Waits go through
 * {@link ConnectorContext#sleep}, so a cancelled run stops at once.
 */
final class CortexXdrRequestBudget {

  private final ConnectorContext context;
  private final Duration spacing;
  private Instant nextStart = Instant.MIN;

  CortexXdrRequestBudget(ConnectorContext context, CortexXdrTuning tuning) {
    this.context = context;
    this.spacing = tuning.requestSpacing();
  }

  /** Waits until the next request may start, and books that start. */
  void acquire() throws InterruptedException {
    Duration wait;
    synchronized (this) {
      Instant now = context.clock().instant();
      Instant start = nextStart.isAfter(now) ? nextStart : now;
      nextStart = start.plus(spacing);
      wait = Duration.between(now, start);
    }
    context.sleep(wait);
  }
}
