package dev.sightline.server.boot;

import dev.sightline.platform.db.Database;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Brings the schema up to this version at start, and refuses what would damage the data: a schema
 * newer than this version knows (Flyway alone would only warn and start, a newer version's data
 * then being written by older code), and a migration that fails (all pending migrations run in one
 * transaction, so the database is left as it was, and the line names the step that failed).
 */
public final class SchemaMigrations {
  private SchemaMigrations() {}

  /**
   * Migrates, or throws a {@link StartupException} in one line.
   *
   * @return the schema version the database is at afterwards
   */
  public static String apply(DataSource dataSource) {
    Flyway flyway = Database.flyway(dataSource);
    MigrationInfo[] all;
    try {
      all = flyway.info().all();
    } catch (FlywayException e) {
      throw new StartupException(
          "Cannot read the database's schema history: " + firstLine(e),
          "check that SIGHTLINE_DB_USER may read and create tables in the database",
          e);
    }
    String known = newestKnown(all).map(MigrationVersion::getVersion).orElse("none");
    Optional<MigrationInfo> future =
        Arrays.stream(all)
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .max(Comparator.comparing(MigrationInfo::getVersion));
    if (future.isPresent()) {
      throw new StartupException(
          "The database's schema is at version "
              + future.get().getVersion()
              + ", newer than this Sightline's schema version "
              + known
              + ": a newer Sightline upgraded it, and this older one would damage its data",
          "run the newer Sightline (or a later one) on this database; going back needs the backup"
              + " taken before the upgrade",
          null);
    }
    try {
      flyway.migrate();
    } catch (FlywayMigrateException e) {
      MigrationInfo step = e.getMigration();
      String name =
          step == null
              ? "a migration"
              : "migration V" + step.getVersion() + " (" + step.getDescription() + ")";
      throw new StartupException(
          "The upgrade of the database to schema version "
              + known
              + " failed at "
              + name
              + ": "
              + rootLine(e)
              + "; every step of this upgrade was rolled back and the database is as it was",
          "fix the cause named (the database user's rights, disk space, a change made by hand to"
              + " the tables), then start again; or keep running the previous Sightline",
          e);
    } catch (FlywayValidateException e) {
      throw new StartupException(
          "The database's schema history does not match this Sightline's migrations: "
              + firstLine(e),
          "start the Sightline version that last ran on this database, or restore its backup",
          e);
    } catch (FlywayException e) {
      throw new StartupException(
          "Cannot bring the database's schema up to version " + known + ": " + rootLine(e),
          "fix the cause named, then start again",
          e);
    }
    return known;
  }

  /** The newest version among the migrations this build ships. */
  static Optional<MigrationVersion> newestKnown(MigrationInfo[] all) {
    return Arrays.stream(all)
        .filter(MigrationInfo::isVersioned)
        .filter(
            m ->
                m.getState() != MigrationState.FUTURE_SUCCESS
                    && m.getState() != MigrationState.FUTURE_FAILED)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder());
  }

  /** The newest schema version this build's migrations bring a database to. */
  public static String newestKnown(DataSource dataSource) {
    return newestKnown(Database.flyway(dataSource).info().all())
        .map(MigrationVersion::getVersion)
        .orElse("none");
  }

  private static String rootLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(root);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().lines().findFirst().orElse(message).strip();
  }
}
