package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.db.Jdbc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrades that cannot damage data: a schema newer than this version is refused before anything is
 * written, and an upgrade that fails part-way leaves the database exactly as it was.
 */
class SchemaMigrationsIT {
  private EmbeddedPostgres postgres;
  private DataSource db;
  private Jdbc jdbc;

  @BeforeEach
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    jdbc = new Jdbc(db);
  }

  @AfterEach
  void stop() throws IOException {
    postgres.close();
  }

  @Test
  void shouldRefuseANewerSchemaInOneLineNamingBothVersions() {
    String known = SchemaMigrations.apply(db);
    jdbc.update(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " SELECT max(installed_rank) + 1, '120', 'from a later version', 'SQL',"
            + " 'V120__from_a_later_version.sql', 0, 'test', 1, true FROM flyway_schema_history");
    long rows = historyRows();

    assertThatThrownBy(() -> SchemaMigrations.apply(db))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith(
            "The database's schema is at version 120, newer than this Sightline's schema version "
                + known)
        .hasMessageContaining("To fix: run the newer Sightline")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(historyRows()).as("nothing written").isEqualTo(rows);
  }

  @Test
  void shouldLeaveTheDatabaseAsItWasWhenAStepOfTheUpgradeFails() {
    // A database of an older version (schema 16), and something in the way of migration 18.
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration")
        .target("16")
        .load()
        .migrate();
    jdbc.update("CREATE TABLE saved_view (made_by_hand int)");

    assertThatThrownBy(() -> SchemaMigrations.apply(db))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("failed at migration V18 (saved views)")
        .hasMessageContaining("relation \"saved_view\" already exists")
        .hasMessageContaining("rolled back and the database is as it was")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

    assertThat(
            jdbc.queryOne("SELECT max(version::int) FROM flyway_schema_history", r -> r.getInt(1)))
        .as("the schema history still ends at the old version")
        .contains(16);
    assertThat(
            jdbc.queryOne(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'source_asset_host_name_lower'",
                r -> r.getLong(1)))
        .as("migration 17, which ran before the failed 18, was rolled back with it")
        .contains(0L);

    // Once the cause is gone, the same upgrade goes through.
    jdbc.update("DROP TABLE saved_view");
    String now = SchemaMigrations.apply(db);
    assertThat(
            jdbc.queryOne("SELECT max(version::int) FROM flyway_schema_history", r -> r.getInt(1)))
        .contains(Integer.parseInt(now));
  }

  private long historyRows() {
    return jdbc.queryOne("SELECT count(*) FROM flyway_schema_history", r -> r.getLong(1))
        .orElse(0L);
  }
}
