package dev.sightline.server.observability;

import dev.sightline.connector.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts vendor calls and retries on this node, as the connectors' shared retry loop reports them:
 * {@code sightline_vendor_calls_total} and {@code sightline_vendor_retries_total}, labelled by
 * connector type and HTTP status ({@code none} when no answer came). Counters live in memory: each
 * node counts its own calls, and a restart starts them again from zero, as Prometheus expects.
 */
final class VendorCallMetrics implements CallObserver {
  static final String CALLS = "sightline.vendor.calls";
  static final String RETRIES = "sightline.vendor.retries";

  private final MeterRegistry registry;

  VendorCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void called(String connectorType, int status) {
    counter(CALLS, "Vendor API calls, each attempt counted", connectorType, status).increment();
  }

  @Override
  public void retrying(String connectorType, int status) {
    counter(
            RETRIES,
            "Vendor API calls tried again, by the status that caused it",
            connectorType,
            status)
        .increment();
  }

  /** The registry keeps one counter per name and tags; asking again finds it. */
  private Counter counter(String name, String description, String connectorType, int status) {
    return Counter.builder(name)
        .description(description)
        .tag("connector_type", connectorType)
        .tag("status", label(status))
        .register(registry);
  }

  static String label(int status) {
    return status == NO_ANSWER ? "none" : Integer.toString(status);
  }
}
