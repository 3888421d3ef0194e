package dev.sightline.server.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database: the external PostgreSQL named by SIGHTLINE_DB_URL, or an embedded one whose
 * files live in the data directory so they survive restarts.
 */
public final class DatabaseBootstrap implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

  private final HikariDataSource dataSource;
  private final EmbeddedPostgres embedded;

  private DatabaseBootstrap(HikariDataSource dataSource, EmbeddedPostgres embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
  }

  public static DatabaseBootstrap open(ServerSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sightline");
    config.setMaximumPoolSize(10);
    if (settings.dbUrl().isPresent()) {
      config.setJdbcUrl(settings.dbUrl().get());
      settings.dbUser().ifPresent(config::setUsername);
      settings.dbPassword().ifPresent(config::setPassword);
      LOG.info("Using the external PostgreSQL from SIGHTLINE_DB_URL");
      return new DatabaseBootstrap(new HikariDataSource(config), null);
    }
    Path pgDir = settings.dataDir().resolve("postgres");
    try {
      Files.createDirectories(pgDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(settings.dataDir().resolve("pg-runtime").toFile())
              .start();
      config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      LOG.info("Started embedded PostgreSQL with its data in {}", pgDir);
      return new DatabaseBootstrap(new HikariDataSource(config), pg);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the embedded PostgreSQL in "
              + pgDir
              + ": check that the directory is writable, or set SIGHTLINE_DB_URL",
          e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
  }
}
