package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data in the data directory across restarts. */
class DatabaseBootstrapIT {

  private static ServerSettings settings(Path dataDir) {
    return new ServerSettings(
        0,
        dataDir,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        100,
        1);
  }

  @Test
  void shouldKeepStoredRowsAcrossARestart(@TempDir Path dataDir) {
    try (DatabaseBootstrap first = DatabaseBootstrap.open(settings(dataDir))) {
      Database.migrate(first.dataSource());
      new Jdbc(first.dataSource())
          .update(
              "INSERT INTO api_token (id, name, token_hash, role,"
                  + " created_at) VALUES (gen_random_uuid(), 'kept', 'h', 'ADMIN', now())");
    }
    try (DatabaseBootstrap second = DatabaseBootstrap.open(settings(dataDir))) {
      Database.migrate(second.dataSource());
      assertThat(
              new Jdbc(second.dataSource())
                  .queryOne(
                      "SELECT count(*) FROM api_token WHERE name = 'kept'", rs -> rs.getLong(1)))
          .contains(1L);
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
  }
}
