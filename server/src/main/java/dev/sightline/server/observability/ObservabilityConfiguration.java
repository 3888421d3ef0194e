package dev.sightline.server.observability;

import dev.sightline.connector.CallObserver;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorState;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.sync.RunState;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sightline's metrics at {@code /actuator/prometheus}, beside the JVM's and Spring's; the endpoint
 * needs the bearer token like the API (see {@code auth}).
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {
  /** Longer than a healthy read takes, well inside Prometheus' default 10 s scrape timeout. */
  private static final Duration DATABASE_READ_DEADLINE = Duration.ofSeconds(3);

  /** Vendor calls and retries, counted as the connectors' shared retry loop reports them. */
  @Bean
  CallObserver vendorCallMetrics(MeterRegistry registry) {
    return new VendorCallMetrics(registry);
  }

  @Bean(destroyMethod = "close")
  DatabaseMetrics databaseMetrics(
      Jdbc jdbc, ConnectorService connectors, PrometheusRegistry registry) {
    DatabaseFigures figures = new DatabaseFigures(jdbc);
    DatabaseMetrics metrics =
        new DatabaseMetrics(
            new BoundedRead<>(
                "Sightline's figures from the database", figures::read, DATABASE_READ_DEADLINE),
            connectors.catalog().types(),
            names(RunState.values()),
            names(ConnectorState.values()));
    registry.register(metrics);
    return metrics;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
