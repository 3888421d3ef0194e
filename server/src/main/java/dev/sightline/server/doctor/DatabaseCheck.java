package dev.sightline.server.doctor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The database: it answers, its PostgreSQL is recent enough, its schema is one this version runs.
 */
final class DatabaseCheck implements DoctorCheck {
  /** The oldest PostgreSQL Sightline is built and tested on (the embedded one is 14). */
  static final int MINIMUM_MAJOR = 14;

  private final DoctorDatabase database;

  DatabaseCheck(DoctorDatabase database) {
    this.database = database;
  }

  @Override
  public List<CheckLine> run() {
    if (database.dataSource().isEmpty()) {
      return List.of(
          CheckLine.ok(
              "database",
              database.where()
                  + " is not running now; serve starts it (run doctor while the server runs to"
                  + " check it and the connectors)"));
    }
    DataSource ds = database.dataSource().get();
    int versionNumber;
    String version;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW server_version_num")) {
      r.next();
      versionNumber = Integer.parseInt(r.getString(1).trim());
      version = c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return List.of(
          CheckLine.failed(
              "database",
              database.where() + " does not answer: " + firstLine(e.getMessage()),
              "check that PostgreSQL runs and SIGHTLINE_DB_URL, SIGHTLINE_DB_USER and"
                  + " SIGHTLINE_DB_PASSWORD name it and an account that may sign in"));
    }
    CheckLine reachable =
        versionNumber / 10000 >= MINIMUM_MAJOR
            ? CheckLine.ok("database", database.where() + " answers: PostgreSQL " + version)
            : CheckLine.failed(
                "database",
                database.where() + " is PostgreSQL " + version,
                "upgrade PostgreSQL to " + MINIMUM_MAJOR + " or newer");
    return List.of(reachable, schema(ds));
  }

  private static CheckLine schema(DataSource ds) {
    MigrationInfoService info;
    try {
      info = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().info();
    } catch (RuntimeException e) {
      return CheckLine.failed(
          "schema",
          "cannot read the schema history: " + firstLine(e.getMessage()),
          "check that the database account may read the flyway_schema_history table");
    }
    MigrationInfo[] all = info.all();
    String known =
        Arrays.stream(all)
            .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS)
            .filter(m -> m.getVersion() != null)
            .reduce((a, b) -> b)
            .map(m -> m.getVersion().toString())
            .orElse("none");
    MigrationInfo current = info.current();
    String applied =
        current == null || current.getVersion() == null ? null : current.getVersion().toString();
    if (Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FAILED)) {
      return CheckLine.failed(
          "schema",
          "a migration failed on this database (schema at " + applied + ")",
          "restore the database from its backup taken before the upgrade, then start again");
    }
    if (Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS)) {
      return CheckLine.failed(
          "schema",
          "the database's schema "
              + applied
              + " is newer than this version's "
              + known
              + " (a newer Sightline migrated it)",
          "run that newer Sightline (or a later one) against this database, never an older one");
    }
    if (applied == null) {
      return CheckLine.ok("schema", "empty database: serve creates the schema (" + known + ")");
    }
    int pending = info.pending().length;
    return CheckLine.ok(
        "schema",
        pending == 0
            ? "version " + applied + ", current for this release"
            : "version "
                + applied
                + ": serve applies "
                + pending
                + " migration(s) at its next start, up to "
                + known);
  }

  static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse(message);
  }
}
