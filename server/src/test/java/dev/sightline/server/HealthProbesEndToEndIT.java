package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.server.boot.ServerSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator's probes, called without a token: liveness while the process runs, readiness
 * only while the database answers with its schema migrated; each answers its status and nothing
 * else.
 */
class HealthProbesEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldBeReadyOnlyWhileTheDatabaseAnswersWithItsSchemaMigrated() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    Path data = Files.createTempDirectory("sightline-probes");
    ConfigurableApplicationContext server =
        SightlineApplication.start(
            new ServerSettings(
                0,
                data,
                Optional.of(postgres.getJdbcUrl("postgres", "postgres")),
                Optional.empty(),
                Optional.empty(),
                Optional.of("probe-test-admin-token-0123456789"),
                Optional.of("probe-test-master-key"),
                "",
                Optional.empty(),
                100,
                1));
    try {
      URI base =
          URI.create(
              "http://127.0.0.1:"
                  + ((WebServerApplicationContext) server).getWebServer().getPort());

      assertThat(get(base, "/actuator/health/liveness")).isEqualTo(answer(200, "UP"));
      assertThat(get(base, "/actuator/health/readiness")).isEqualTo(answer(200, "UP"));
      // The whole health: its status and the probes' names (Spring always lists them), no parts.
      Answer health = get(base, "/actuator/health");
      assertThat(health.code()).isEqualTo(200);
      assertThat(health.body())
          .containsEntry("status", "UP")
          .doesNotContainKeys("components", "details");
      // The parts stay private: no component of the health endpoint is anyone's to read.
      assertThat(get(base, "/actuator/health/schema").code()).isEqualTo(404);
      assertThat(get(base, "/actuator/health/db").code()).isEqualTo(404);

      // A schema behind this version (its newest migration missing): not ready, still alive.
      Jdbc jdbc = new Jdbc(postgres.getPostgresDatabase());
      String newest =
          jdbc.queryOne(
                  "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1",
                  r -> r.getString(1))
              .orElseThrow();
      jdbc.update(
          "UPDATE flyway_schema_history SET version = '0.' || version WHERE version = ?", newest);
      assertThat(get(base, "/actuator/health/readiness")).isEqualTo(answer(503, "OUT_OF_SERVICE"));
      assertThat(get(base, "/actuator/health/liveness")).isEqualTo(answer(200, "UP"));
      jdbc.update(
          "UPDATE flyway_schema_history SET version = ? WHERE version = ?", newest, "0." + newest);
      assertThat(get(base, "/actuator/health/readiness")).isEqualTo(answer(200, "UP"));

      // The database gone: not ready within the probe's few seconds, still alive.
      postgres.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(base, "/actuator/health/readiness"))
                      .isEqualTo(answer(503, "DOWN")));
      assertThat(get(base, "/actuator/health/liveness")).isEqualTo(answer(200, "UP"));
    } finally {
      server.close();
      postgres.close();
    }
  }

  record Answer(int code, Map<String, Object> body) {}

  private static Answer answer(int code, String status) {
    return new Answer(code, Map.of("status", status));
  }

  /** The probe's answer, without a token. */
  private Answer get(URI base, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Object> body =
        r.body().startsWith("{")
            ? JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {})
            : Map.of("raw", r.body());
    return new Answer(r.statusCode(), body);
  }
}
