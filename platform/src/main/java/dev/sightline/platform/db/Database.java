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
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
