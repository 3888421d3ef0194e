package dev.sightline.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationsIT {

  @Test
  void shouldCreateEveryTableOnAnEmptyDatabase(DataSource ds) {
    var tables = new Jdbc(ds).query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        rs -> rs.getString(1));
    assertThat(tables).contains("connector", "sync_run", "stream_checkpoint", "asset", "finding",
        "rejected_record", "api_token");
  }

  @Test
  void shouldBeANoOpWhenRunAgain(DataSource ds) {
    Database.migrate(ds);
    long applied = new Jdbc(ds).queryOne(
        "SELECT count(*) FROM flyway_schema_history WHERE success", rs -> rs.getLong(1)).orElse(0L);
    assertThat(applied).isEqualTo(1);
  }
}
