package dev.sightline.server.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database: the external PostgreSQL named by SIGHTLINE_DB_URL, or an embedded one whose
 * files live in the data directory so they survive restarts.
 */
public final class DatabaseBootstrap implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

  /** After a crash PostgreSQL first replays its log, which can take longer than a clean start. */
  private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);

  private final HikariDataSource dataSource;
  private final EmbeddedPostgres embedded;
  private final Optional<Process> watchdog;
  private final Optional<DataDirectoryLock> lock;

  private DatabaseBootstrap(
      HikariDataSource dataSource,
      EmbeddedPostgres embedded,
      Optional<Process> watchdog,
      Optional<DataDirectoryLock> lock) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.watchdog = watchdog;
    this.lock = lock;
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
      // Asked once before the pool, whose own failure is a stack trace in the log.
      DatabaseProbe.connect(settings);
      return new DatabaseBootstrap(
          new HikariDataSource(config), null, Optional.empty(), Optional.empty());
    }
    DataDirectoryLock lock = DataDirectoryLock.claim(settings.dataDir());
    try {
      return embedded(settings, config, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static DatabaseBootstrap embedded(
      ServerSettings settings, HikariConfig config, DataDirectoryLock lock) {
    Path pgDir = settings.dataDir().resolve("postgres");
    try {
      Files.createDirectories(pgDir);
    } catch (IOException e) {
      throw new StartupException(
          "Cannot create the embedded PostgreSQL's directory "
              + pgDir
              + " ("
              + e.getMessage()
              + ")",
          "make SIGHTLINE_DATA_DIR writable, or set SIGHTLINE_DB_URL to an external PostgreSQL",
          e);
    }
    LeftoverPostgres.stopIfRunning(pgDir);
    EmbeddedPostgres pg;
    try {
      LOG.info("Starting the embedded PostgreSQL in {} (after a crash it first recovers)", pgDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(settings.dataDir().resolve("pg-runtime").toFile())
              .setPGStartupWait(STARTUP_WAIT);
      dev.sightline.platform.db.Database.EMBEDDED_SETTINGS.forEach(builder::setServerConfig);
      pg = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          "Cannot start the embedded PostgreSQL in " + pgDir + ": " + rootMessage(e),
          "check that the directory is writable and that no other program uses it (PostgreSQL's"
              + " own lines are in the log above), or set SIGHTLINE_DB_URL",
          e);
    }
    config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
    LOG.info("Started embedded PostgreSQL with its data in {}", pgDir);
    return new DatabaseBootstrap(
        new HikariDataSource(config), pg, LeftoverPostgres.watchdog(pgDir), Optional.of(lock));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    watchdog.ifPresent(Process::destroy);
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
    lock.ifPresent(DataDirectoryLock::close);
  }
}
