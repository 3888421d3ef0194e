package dev.sightline.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a fresh migrated database per test
 * class, so classes never see each other's rows.
 */
public final class TestDatabase implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final EmbeddedPostgres postgres;

  private TestDatabase() {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shared server, started on first use and stopped when the test JVM's root context closes.
   */
  public static TestDatabase shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TestDatabase.class, k -> new TestDatabase(), TestDatabase.class);
  }

  /** A new, migrated database. */
  public DataSource freshDatabase() {
    String name = "test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    DataSource ds = postgres.getDatabase("postgres", name);
    Database.migrate(ds);
    return ds;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
