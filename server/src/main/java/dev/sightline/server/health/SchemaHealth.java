package dev.sightline.server.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness: the database answers, and its schema is at the version this server migrated it
 * to. The probe says only UP or DOWN; the reason stays out of the answer (probes are anyone's). A
 * database that does not answer within {@link #LIMIT_SECONDS} counts as down: a probe must not wait
 * for the connection pool's own 30 s timeout.
 */
final class SchemaHealth implements HealthIndicator, AutoCloseable {
  static final int LIMIT_SECONDS = 3;

  private final DataSource dataSource;
  private final String version;
  // One checker thread: probes of a hung database queue behind it and time out, none pile up.
  private final ExecutorService checker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "readiness-check");
            t.setDaemon(true);
            return t;
          });

  SchemaHealth(DataSource dataSource, String version) {
    this.dataSource = dataSource;
    this.version = version;
  }

  @Override
  public Health health() {
    try {
      boolean migrated =
          CompletableFuture.supplyAsync(this::migrated, checker)
              .get(LIMIT_SECONDS, TimeUnit.SECONDS);
      return migrated ? Health.up().build() : Health.outOfService().build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().build();
    } catch (Exception e) {
      return Health.down().build();
    }
  }

  private boolean migrated() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM flyway_schema_history WHERE version = ? AND success")) {
      s.setQueryTimeout(LIMIT_SECONDS);
      s.setString(1, version);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the database does not answer", e);
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
