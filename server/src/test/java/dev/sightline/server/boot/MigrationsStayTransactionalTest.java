package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An upgrade rolls back whole only while every migration can run inside its transaction: no
 * migration may opt out (a Flyway script configuration) or use a statement PostgreSQL refuses in a
 * transaction.
 */
class MigrationsStayTransactionalTest {
  private static final Pattern NON_TRANSACTIONAL =
      Pattern.compile(
          "(?i)\\b(CONCURRENTLY|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM"
              + "|CREATE\\s+TABLESPACE|COMMIT|ROLLBACK|executeInTransaction)\\b");

  @Test
  void shouldKeepEveryMigrationInsideItsTransaction() throws IOException, URISyntaxException {
    java.net.URI where = getClass().getClassLoader().getResource("db/migration").toURI();
    // In a reactor build the platform's migrations are in its jar, in an IDE in its classes.
    try (java.nio.file.FileSystem jar =
        where.getScheme().equals("jar")
            ? java.nio.file.FileSystems.newFileSystem(where, java.util.Map.of())
            : null) {
      Path dir = jar == null ? Path.of(where) : jar.provider().getPath(where);
      List<Path> files;
      try (Stream<Path> all = Files.list(dir)) {
        files = all.sorted().toList();
      }
      check(files);
    }
  }

  private static void check(List<Path> files) throws IOException {
    assertThat(files).as("the migrations are found").isNotEmpty();
    assertThat(files)
        .as("no script configuration (.conf) turns a migration's transaction off")
        .allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".sql"));
    for (Path file : files) {
      String code = withoutComments(Files.readString(file));
      assertThat(NON_TRANSACTIONAL.matcher(code).find())
          .as("%s has a statement that cannot run in a transaction", file.getFileName())
          .isFalse();
    }
  }

  @Test
  void shouldSeeAStatementThatCannotRunInATransaction() {
    assertThat(NON_TRANSACTIONAL.matcher("CREATE INDEX CONCURRENTLY x ON t (a);").find()).isTrue();
    assertThat(NON_TRANSACTIONAL.matcher(withoutComments("-- committed_at\nSELECT 1;")).find())
        .isFalse();
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
  }
}
