package dev.sightline.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationsIT {

  @Test
  void shouldCreateEveryTableOnAnEmptyDatabase(DataSource ds) {
    var tables =
        new Jdbc(ds)
            .query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                rs -> rs.getString(1));
    assertThat(tables)
        .contains(
            "connector",
            "sync_run",
            "stream_checkpoint",
            "asset",
            "finding",
            "rejected_record",
            "api_token");
  }

  @Test
  void shouldBeANoOpWhenRunAgain(DataSource ds) {
    var result =
        org.flywaydb.core.Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    assertThat(result.migrationsExecuted).isZero();
    assertThat(
            new Jdbc(ds)
                .queryOne(
                    "SELECT count(*) FROM flyway_schema_history WHERE NOT success",
                    rs -> rs.getLong(1))
                .orElse(1L))
        .isZero();
  }
}
