package dev.sightline.bench;

import dev.sightline.platform.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** The embedded PostgreSQL the benchmarks run on: the server's own embedded settings. */
final class BenchPostgres {
  private BenchPostgres() {}

  static EmbeddedPostgres start() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    Database.EMBEDDED_SETTINGS.forEach(builder::setServerConfig);
    return builder.start();
  }
}
