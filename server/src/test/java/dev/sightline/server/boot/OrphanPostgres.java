package dev.sightline.server.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A stand-in for a server JVM that gets killed: starts the embedded PostgreSQL on a data directory,
 * says so, and waits to be killed (kill -9 runs no shutdown hook, so PostgreSQL stays behind).
 */
final class OrphanPostgres {
  private OrphanPostgres() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    EmbeddedPostgres.builder()
        .setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(dataDir.resolve("pg-runtime").toFile())
        .start();
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
