package dev.sightline.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The doctor's database lines on a real PostgreSQL: reachable, its version, its schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseCheckIT {
  private EmbeddedPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stop() throws Exception {
    postgres.close();
  }

  @Test
  void shouldFollowTheSchemaFromEmptyToCurrentToNewerThanThisVersion() throws Exception {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/doctor";
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE doctor");
    }
    Map<String, String> env = Map.of("SIGHTLINE_DB_URL", url, "SIGHTLINE_DB_USER", "postgres");
    DoctorDatabase database = new DoctorDatabase(env);

    List<CheckLine> empty = new DatabaseCheck(database).run();
    assertThat(empty.get(0).render()).startsWith("✓ database: ").contains("PostgreSQL 14");
    assertThat(empty.get(1).render()).startsWith("✓ schema: empty database");

    Database.migrate(database.dataSource().orElseThrow());
    CheckLine current = new DatabaseCheck(database).run().get(1);
    assertThat(current.ok()).isTrue();
    assertThat(current.detail()).endsWith("current for this release");

    // A newer Sightline migrated this database further: this version must not touch it.
    try (Connection c = database.dataSource().orElseThrow().getConnection()) {
      c.createStatement()
          .execute(
              "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                  + " script, checksum, installed_by, execution_time, success) SELECT"
                  + " max(installed_rank) + 1, '9999', 'from the future', 'SQL', 'V9999__f.sql',"
                  + " 0, 'test', 1, true FROM flyway_schema_history");
    }
    CheckLine newer = new DatabaseCheck(database).run().get(1);
    assertThat(newer.ok()).isFalse();
    assertThat(newer.detail()).contains("9999 is newer than this version's");
    assertThat(newer.fix()).contains("never an older one");
  }

  @Test
  void shouldSayWhichSettingsToCheckWhenTheDatabaseDoesNotAnswer() throws Exception {
    int closed;
    try (var s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Map<String, String> env =
        Map.of(
            "SIGHTLINE_DB_URL",
            "jdbc:postgresql://127.0.0.1:" + closed + "/sightline",
            "SIGHTLINE_DB_PASSWORD",
            "secret-never-shown");

    List<CheckLine> lines = new DatabaseCheck(new DoctorDatabase(env)).run();

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).ok()).isFalse();
    assertThat(lines.get(0).detail()).contains("does not answer");
    assertThat(lines.get(0).fix()).contains("SIGHTLINE_DB_URL");
    assertThat(lines.get(0).render()).doesNotContain("secret-never-shown");
  }

  @Test
  void shouldNotStartAnEmbeddedDatabaseThatNoServerRuns(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Map<String, String> env = Map.of("SIGHTLINE_DATA_DIR", dir.toString());
    List<CheckLine> lines = new DatabaseCheck(new DoctorDatabase(env)).run();
    assertThat(lines)
        .singleElement()
        .satisfies(l -> assertThat(l.detail()).contains("is not running now"));
    assertThat(dir.resolve("postgres")).doesNotExist();
  }
}
