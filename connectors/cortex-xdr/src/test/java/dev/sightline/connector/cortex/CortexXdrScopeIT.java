package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.Page;
import dev.sightline.connector.Sampling;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.StreamReading;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.ScopeQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fetch-from date and Sampling Mode applied at the source, against the simulator's own count of
 * what they select ({@code /_sim/scope}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CortexXdrScopeIT {

  private static final int HOSTS = 300;
  private static final StreamSpec ENDPOINTS = CortexXdrStream.ENDPOINTS.spec();
  private static final StreamSpec VULNERABILITIES = CortexXdrStream.VULNERABILITIES.spec();

  private static SimulatedTenant tenant() {
    return new SimulatedTenant(
        CortexXdrSimulatorOptions.defaults(HOSTS), CortexXdrTuning.defaults(), 100, false);
  }

  private static Instant dayBeforeAnchor(SimulatedTenant tenant) {
    return Instant.parse(tenant.simulator().manifest().path("anchor").asText())
        .minus(Duration.ofDays(1));
  }

  private static List<Page> read(Connector connector, StreamSpec stream, SyncRequest request)
      throws InterruptedException {
    try (StreamReader reader = connector.open(stream, request, Optional.empty())) {
      return StreamReading.readAll(reader);
    }
  }

  private static List<JsonNode> records(List<Page> pages) {
    return pages.stream().flatMap(p -> p.records().stream()).toList();
  }

  private static long findings(List<JsonNode> endpoints) {
    return endpoints.stream().mapToLong(e -> e.path("cves").size()).sum();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  @Test
  void shouldReadOnlyTheEndpointsSeenSinceTheFetchFromDateAndTheirFindings()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      Instant since = dayBeforeAnchor(tenant);
      SyncRequest request = SyncRequest.everything().withPageSize(100).withFetchFrom(since);
      JsonNode truth = tenant.simulator().scope(new ScopeQuery(since, 0));
      JsonNode manifest = tenant.simulator().manifest();

      List<JsonNode> endpoints = records(read(connector, ENDPOINTS, request));
      List<JsonNode> vulnerable = records(read(connector, VULNERABILITIES, request));

      assertThat((long) endpoints.size())
          .isEqualTo(truth.path("endpoints").asLong())
          .isLessThan(manifest.path("endpoints").asLong());
      assertThat(findings(vulnerable))
          .isEqualTo(truth.path("findings").asLong())
          .isLessThan(manifest.path("findings").asLong());
      assertThat(vulnerable)
          .allSatisfy(
              e ->
                  assertThat(e.path("last_seen").asLong())
                      .isGreaterThanOrEqualTo(since.toEpochMilli()));
    }
  }

  @Test
  void shouldSampleTheMostRecentlySeenServersAndWorkstationsAndOnlyTheirFindings()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      // More than one XQL batch of sampled endpoints.
      int size = CortexXdrVulnerabilityReader.SAMPLE_BATCH + 50;
      SyncRequest request =
          SyncRequest.everything().withPageSize(100).withSampling(new Sampling(size));
      JsonNode truth = tenant.simulator().scope(new ScopeQuery(Instant.EPOCH, size));
      List<String> expected = ids(truth.path("endpointIds"));

      List<JsonNode> endpoints = records(read(connector, ENDPOINTS, request));
      List<JsonNode> vulnerable;
      try (StreamReader reader = connector.open(VULNERABILITIES, request, Optional.empty())) {
        assertThat(reader.fullSync()).as("a sample is not the whole tenant").isFalse();
        vulnerable = records(StreamReading.readAll(reader));
      }

      assertThat(endpoints.stream().map(e -> e.path("endpoint_id").asText()).toList())
          .as("most recently seen first")
          .containsExactlyElementsOf(expected)
          .hasSize(size);
      assertThat(endpoints)
          .allSatisfy(
              e ->
                  assertThat(e.path("endpoint_type").asText())
                      .isIn("AGENT_TYPE_SERVER", "AGENT_TYPE_WORKSTATION"));
      assertThat(findings(vulnerable)).isEqualTo(truth.path("findings").asLong()).isPositive();
      assertThat(vulnerable)
          .allSatisfy(e -> assertThat(expected).contains(e.path("endpoint_id").asText()));
      assertThat(vulnerable.stream().map(e -> e.path("endpoint_id").asText()))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldReadEveryEndpointAgainAfterASampleWasTurnedOff() throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      List<Page> pages =
          read(
              connector,
              ENDPOINTS,
              SyncRequest.everything().withPageSize(100).withSampling(new Sampling(10)));
      Checkpoint last = pages.get(pages.size() - 1).checkpoint();

      List<JsonNode> all;
      try (StreamReader reader =
          connector.open(
              ENDPOINTS, SyncRequest.everything().withPageSize(100), Optional.of(last))) {
        assertThat(reader.fullSync()).as("no delta from a sample's watermark").isTrue();
        all = records(StreamReading.readAll(reader));
      }
      assertThat((long) all.size())
          .isEqualTo(tenant.simulator().manifest().path("endpoints").asLong());
    }
  }
}
