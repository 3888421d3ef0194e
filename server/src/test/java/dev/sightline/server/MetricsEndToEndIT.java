package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /actuator/prometheus} as an operator scrapes it after a sync against the CrowdStrike
 * simulator: Sightline's own {@code sightline_} figures match what the simulator served and what
 * the run stored, and the endpoint needs the bearer token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndToEndIT {
  private static final String CONNECTOR = "Falcon metrics";
  private static final String TYPE = "crowdstrike";

  private final HttpClient http = HttpClient.newHttpClient();
  private CrowdStrikeSimulator sim;
  private TestServer server;
  private JsonNode run;

  @BeforeAll
  void syncOnce() throws Exception {
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(120));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                TYPE,
                "name",
                CONNECTOR,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    // Two rate limits and a server error on the run's first data call: three retries.
    sim.faults().rateLimitNext(2, 0);
    sim.faults().serverErrorNext(1);
    var started =
        server.post("/api/v1/connectors/" + created.json().path("id").asText() + "/runs", "");
    String runId = started.json().path("runId").asText();
    server.awaitRun(runId);
    run = server.get("/api/v1/runs/" + runId).json();
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  @Test
  @Order(1)
  void shouldCountEveryVendorCallByTheStatusTheSimulatorAnswered() {
    Map<String, Long> served =
        sim.requests().entries().stream()
            .filter(e -> !e.path().startsWith("/_sim/"))
            .collect(
                Collectors.groupingBy(
                    e -> e.status() == 0 ? "none" : Integer.toString(e.status()),
                    TreeMap::new,
                    Collectors.counting()));
    assertThat(served).containsKeys("200", "429", "500");

    PrometheusText metrics = scrape();

    Map<String, Long> counted = new TreeMap<>();
    for (var sample : metrics.matching("sightline_vendor_calls_total", "connector_type", TYPE)) {
      counted.put(sample.labels().get("status"), (long) sample.value());
    }
    assertThat(counted).isEqualTo(served);
  }

  @Test
  @Order(1)
  void shouldCountEachRetryByTheStatusThatCausedIt() {
    PrometheusText metrics = scrape();

    assertThat(
            metrics.value(
                "sightline_vendor_retries_total", "connector_type", TYPE, "status", "429"))
        .isEqualTo(2);
    assertThat(
            metrics.value(
                "sightline_vendor_retries_total", "connector_type", TYPE, "status", "500"))
        .isEqualTo(1);
    assertThat(metrics.matching("sightline_vendor_retries_total", "connector_type", TYPE))
        .hasSize(2);
  }

  @Test
  @Order(1)
  void shouldShowTheRecordsEachStreamFetchedStoredAndRejected() {
    JsonNode manifest = sim.manifest();
    long hosts = manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong();
    long vulnerabilities = manifest.path("vulnerabilities").asLong();

    PrometheusText metrics = scrape();

    for (var stream : Map.of("hosts", hosts, "vulnerabilities", vulnerabilities).entrySet()) {
      String[] labels = {"connector", CONNECTOR, "connector_type", TYPE, "stream", stream.getKey()};
      assertThat(metrics.value("sightline_records_fetched_total", labels))
          .as(stream.getKey())
          .isEqualTo(stream.getValue().doubleValue());
      assertThat(metrics.value("sightline_records_stored_total", labels))
          .isEqualTo(stream.getValue().doubleValue());
      assertThat(metrics.value("sightline_records_rejected_total", labels)).isZero();
    }
    assertThat(
            metrics.matching("sightline_records_fetched_total").stream()
                .mapToDouble(PrometheusText.Sample::value)
                .sum())
        .isEqualTo(run.path("counters").path("fetched").asDouble());
  }

  @Test
  @Order(1)
  void shouldShowRunsByStateTheirDurationAndTheLastSuccess() {
    Instant startedAt = Instant.parse(run.path("startedAt").asText());
    Instant finishedAt = Instant.parse(run.path("finishedAt").asText());
    double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;

    PrometheusText metrics = scrape();

    assertThat(metrics.value("sightline_runs", "connector_type", TYPE, "state", "PROCESSED"))
        .isEqualTo(1);
    assertThat(metrics.value("sightline_runs", "connector_type", TYPE, "state", "ERRORED"))
        .isZero();
    assertThat(
            metrics.value("sightline_runs", "connector_type", "cortex-xdr", "state", "PROCESSED"))
        .as("every known type and state is shown, 0 when empty")
        .isZero();
    assertThat(metrics.value("sightline_connectors", "connector_type", TYPE, "state", "PROCESSED"))
        .isEqualTo(1);
    String[] processed = {"connector_type", TYPE, "state", "PROCESSED"};
    assertThat(metrics.value("sightline_run_duration_seconds_count", processed)).isEqualTo(1);
    assertThat(metrics.value("sightline_run_duration_seconds_sum", processed))
        .isCloseTo(seconds, within(0.001));
    String[] connector = {"connector", CONNECTOR, "connector_type", TYPE};
    assertThat(metrics.value("sightline_run_last_duration_seconds", connector))
        .isCloseTo(seconds, within(0.001));
    assertThat(metrics.value("sightline_run_last_success_timestamp_seconds", connector))
        .isCloseTo(finishedAt.toEpochMilli() / 1000.0, within(0.001));
  }

  @Test
  @Order(1)
  void shouldShowAnEmptyRescoreQueueOnceTheRunHasScoredAndTheDatabaseAsRead() {
    PrometheusText metrics = scrape();

    assertThat(metrics.value("sightline_rescore_queue_depth")).isZero();
    assertThat(metrics.value("sightline_metrics_database_up")).isEqualTo(1);
    assertThat(run.path("counters").path("assetsScored").asLong()).isPositive();
  }

  @Test
  @Order(2)
  void shouldRefuseMetricsWithoutAValidTokenButAnswerHealth() throws Exception {
    HttpResponse<String> none = get("/actuator/prometheus", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("Authorization: Bearer").doesNotContain("sightline_");
    assertThat(get("/actuator/prometheus", "nope").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    // Dot segments are resolved before the filter judges the path: not a way round the token.
    assertThat(get("/actuator/health/../prometheus", null).statusCode()).isIn(400, 401);
    assertThat(get("/actuator/health/%2e%2e/prometheus", null).statusCode()).isIn(400, 401);
    assertThat(get("/x/../api/v1/assets", null).statusCode()).isIn(400, 401);
  }

  private PrometheusText scrape() {
    try {
      HttpResponse<String> answer = get("/actuator/prometheus", TestServer.TOKEN);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return PrometheusText.parse(answer.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
