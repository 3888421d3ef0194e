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
              "INSERT INTO app_user (id, username, role, created_at, updated_at)"
                  + " VALUES (gen_random_uuid(), 'kept', 'ANALYST', now(), now())");
    }
    try (DatabaseBootstrap second = DatabaseBootstrap.open(settings(dataDir))) {
      Database.migrate(second.dataSource());
      assertThat(
              new Jdbc(second.dataSource())
                  .queryOne(
                      "SELECT count(*) FROM app_user WHERE username = 'kept'", rs -> rs.getLong(1)))
          .contains(1L);
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
  }

  @Test
  void shouldStopAPostgresLeftRunningOnTheDataDirectoryAndStartAgain(@TempDir Path dataDir)
      throws Exception {
    // What kill -9 of a server leaves: its JVM gone, its embedded PostgreSQL still running.
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanPostgres.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (var out =
        new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.contains("ready")) {
        // PostgreSQL's start-up lines
      }
      assertThat(line).as("the stand-in server started its PostgreSQL").isNotNull();
    }
    server.destroyForcibly().waitFor();
    ProcessHandle leftover = LeftoverPostgres.running(dataDir.resolve("postgres")).orElseThrow();

    try (DatabaseBootstrap restarted = DatabaseBootstrap.open(settings(dataDir))) {
      assertThat(leftover.isAlive()).as("the leftover PostgreSQL was stopped").isFalse();
      assertThat(new Jdbc(restarted.dataSource()).queryOne("SELECT 1", rs -> rs.getInt(1)))
          .contains(1);
    }
  }

  @Test
  void shouldSayInOneLineWhyTheDatabaseCannotStartAndWhatToDo(@TempDir Path dataDir)
      throws Exception {
    java.nio.file.Files.writeString(dataDir.resolve("postgres"), "a file where a directory goes");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DatabaseBootstrap.open(settings(dataDir)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(dataDir.resolve("postgres").toString())
        .hasMessageContaining("To fix:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
