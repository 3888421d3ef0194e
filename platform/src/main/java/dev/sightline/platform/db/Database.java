package dev.sightline.platform.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema to the current version; Flyway owns every schema change. */
public final class Database {
  /**
   * Settings of the embedded PostgreSQL (the server's default database, and the benchmarks'). A
   * first sync of a large tenant writes gigabytes of WAL: with the default {@code max_wal_size} (1
   * GB) PostgreSQL checkpoints every few hundred thousand findings and then writes each touched
   * page whole into the WAL again. An external server is the administrator's to tune; {@code
   * docs/scaling.md} says how.
   */
  public static final java.util.Map<String, String> EMBEDDED_SETTINGS =
      java.util.Map.of("max_wal_size", "4GB", "shared_buffers", "256MB");

  private Database() {}

  public static void migrate(DataSource dataSource) {
    flyway(dataSource).migrate();
  }

  /**
   * Flyway over Sightline's migrations. Every pending migration runs in one transaction ({@code
   * group}): PostgreSQL's DDL is transactional, so a migration that fails leaves the database as it
   * was before the upgrade began, not half-way between two versions. A migration that cannot run in
   * a transaction is refused by Flyway ({@code mixed} stays false).
   */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .group(true)
        .load();
  }
}
