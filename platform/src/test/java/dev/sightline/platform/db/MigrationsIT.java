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

  /** The values a CHECK constraint allows, read back from PostgreSQL. */
  private static java.util.Set<String> allowed(DataSource ds, String constraint) {
    String definition =
        new Jdbc(ds)
            .queryOne(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ?",
                rs -> rs.getString(1),
                constraint)
            .orElseThrow();
    java.util.Set<String> values = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([A-Z_]+)'").matcher(definition);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  private static java.util.Set<String> names(Enum<?>[] values) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Enum<?> v : values) {
      out.add(v.name());
    }
    return out;
  }

  @Test
  void shouldCheckEveryStateColumnAgainstItsJavaEnum(DataSource ds) {
    assertThat(allowed(ds, "finding_state_known"))
        .isEqualTo(names(dev.sightline.platform.lifecycle.FindingState.values()));
    assertThat(allowed(ds, "sync_run_state_known"))
        .isEqualTo(names(dev.sightline.platform.sync.RunState.values()));
    assertThat(allowed(ds, "connector_state_known"))
        .isEqualTo(names(dev.sightline.platform.connectors.ConnectorState.values()));
  }

  @Test
  void shouldRefuseAStateNoEnumNames(DataSource ds) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Jdbc(ds)
                    .update(
                        "INSERT INTO connector (id, type, name, settings, secrets, data_scope,"
                            + " state, created_at, updated_at) VALUES (gen_random_uuid(), 't',"
                            + " 'state-check', '{}', '\\x00'::bytea, 'ASSETS', 'QUEUED', now(),"
                            + " now())"))
        .hasMessageContaining("connector_state_known");
  }
}
