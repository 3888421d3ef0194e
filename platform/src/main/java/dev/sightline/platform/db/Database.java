package dev.sightline.platform.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema to the current version; Flyway owns every schema change. */
public final class Database {
  private Database() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
