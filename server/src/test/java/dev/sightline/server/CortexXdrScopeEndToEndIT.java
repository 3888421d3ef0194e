package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.ScopeQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connector's fetch-from date and Sampling Mode through the REST API against a Cortex XDR tenant
 * of 1,500 hosts: what a run fetches and stores is what the simulator counts for them ({@code
 * /_sim/scope}), and nothing fetched is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CortexXdrScopeEndToEndIT {
  private CortexXdrSimulator sim;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    sim = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(1500));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  private JsonNode created(String name, Map<String, Object> scope) {
    Map<String, Object> body = new java.util.HashMap<>(scope);
    body.put("type", "cortex-xdr");
    body.put("name", name);
    body.put(
        "auth",
        Map.of(
            "url",
            sim.baseUrl().toString(),
            "apiKeyId",
            sim.options().keyId(),
            "apiKey",
            sim.options().key(),
            "securityLevel",
            sim.options().security().wire()));
    TestServer.Response answer = server.post("/api/v1/connectors", body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json();
  }

  @Test
  void shouldFetchOnlyTheEndpointsSeenSinceTheFetchFromDateAndTheirFindings() {
    Instant since = Instant.parse(sim.manifest().path("anchor").asText()).minus(Duration.ofDays(1));
    JsonNode connector = created("since yesterday", Map.of("fetchFrom", since.toString()));
    String id = connector.path("id").asText();

    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    JsonNode truth = sim.scope(new ScopeQuery(since, 0));
    JsonNode manifest = sim.manifest();
    JsonNode streams = run.path("counters").path("streams");
    assertThat(streams.path("endpoints").path("fetched").asLong())
        .isEqualTo(truth.path("endpoints").asLong())
        .isLessThan(manifest.path("endpoints").asLong());
    assertThat(streams.path("vulnerabilities").path("elementsFetched").asLong())
        .isEqualTo(truth.path("findings").asLong())
        .isLessThan(manifest.path("findings").asLong());
    ScopeChecks.assertNothingLost(run);
    assertThat((long) ScopeChecks.detections(server, id).size())
        .isEqualTo(truth.path("findings").asLong());
    assertThat((long) ScopeChecks.sourceRecordIds(server, id).size())
        .as("no endpoint unseen since the date comes back through its findings")
        .isEqualTo(truth.path("endpoints").asLong());
  }

  @Test
  void shouldStoreOnlyTheSampledThousandMostRecentlySeenEndpointsAndTheirFindings() {
    JsonNode connector = created("sampled", Map.of("sampling", true));
    assertThat(connector.path("sampling").asBoolean()).isTrue();
    String id = connector.path("id").asText();

    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    JsonNode truth = sim.scope(new ScopeQuery(Instant.EPOCH, 1000));
    Set<String> sampled = new HashSet<>();
    truth.path("endpointIds").forEach(e -> sampled.add(e.asText()));
    assertThat(sampled).hasSize(1000);
    assertThat(ScopeChecks.sourceRecordIds(server, id))
        .as("the 1,000 most recently seen servers and workstations")
        .isEqualTo(sampled);
    assertThat(ScopeChecks.assets(server, id)).hasSizeLessThanOrEqualTo(1000);
    var detections = ScopeChecks.detections(server, id);
    assertThat((long) detections.size()).isEqualTo(truth.path("findings").asLong());
    assertThat(detections)
        .allSatisfy(d -> assertThat(sampled).contains(d.path("assetSourceId").asText()));
    ScopeChecks.assertNothingLost(run);
    assertThat(run.path("fullSync").asBoolean()).as("a sample is not the whole tenant").isFalse();
  }
}
