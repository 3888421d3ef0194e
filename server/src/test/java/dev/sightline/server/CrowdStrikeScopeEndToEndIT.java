package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.server.ScopeQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A connector's fetch-from date and Sampling Mode through the REST API against a CrowdStrike tenant
 * of 1,500 hosts: what a run fetches and stores is what the simulator counts for them ({@code
 * /_sim/scope}), and nothing fetched is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrowdStrikeScopeEndToEndIT {
  private CrowdStrikeSimulator sim;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(1500));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  private TestServer.Response create(String name, Map<String, Object> scope) {
    Map<String, Object> body = new HashMap<>(scope);
    body.put("type", "crowdstrike");
    body.put("name", name);
    body.put(
        "auth",
        Map.of(
            "url",
            sim.baseUrl().toString(),
            "clientId",
            "sim-client",
            "clientSecret",
            "sim-secret"));
    return server.post("/api/v1/connectors", body);
  }

  private JsonNode created(String name, Map<String, Object> scope) {
    TestServer.Response answer = create(name, scope);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json();
  }

  @Test
  void shouldFetchOnlyWhatWasSeenOrChangedSinceTheFetchFromDate() {
    Instant since = Instant.parse(sim.manifest().path("anchor").asText()).minus(Duration.ofDays(1));
    JsonNode connector = created("since yesterday", Map.of("fetchFrom", since.toString()));
    assertThat(connector.path("fetchFrom").asText()).isEqualTo(since.toString());
    assertThat(connector.path("sampling").asBoolean()).isFalse();
    String id = connector.path("id").asText();

    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    JsonNode truth = sim.scope(new ScopeQuery(since, 0));
    JsonNode manifest = sim.manifest();
    JsonNode streams = run.path("counters").path("streams");
    assertThat(streams.path("hosts").path("fetched").asLong())
        .isEqualTo(truth.path("hosts").asLong())
        .isLessThan(manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong());
    assertThat(streams.path("vulnerabilities").path("fetched").asLong())
        .isEqualTo(truth.path("vulnerabilities").asLong())
        .isLessThan(manifest.path("vulnerabilities").asLong());
    ScopeChecks.assertNothingLost(run);
    assertThat((long) ScopeChecks.detections(server, id).size())
        .isEqualTo(truth.path("vulnerabilities").asLong());
    assertThat((long) ScopeChecks.sourceRecordIds(server, id).size())
        .as("the hosts seen since the date, and the hosts of changed findings built from them")
        .isEqualTo(truth.path("hosts").asLong() + truth.path("snapshotHosts").asLong());
  }

  @Test
  void shouldStoreOnlyTheSampledThousandMostRecentlySeenHostsAndTheirFindings() {
    JsonNode connector = created("sampled", Map.of("sampling", true));
    assertThat(connector.path("sampling").asBoolean()).isTrue();
    String id = connector.path("id").asText();

    JsonNode run = CortexXdrEndToEndIT.runToEnd(server, id);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    JsonNode truth = sim.scope(new ScopeQuery(Instant.EPOCH, 1000));
    Set<String> sampled = new HashSet<>();
    truth.path("hostIds").forEach(h -> sampled.add(h.asText()));
    assertThat(sampled).hasSize(1000);
    assertThat(ScopeChecks.sourceRecordIds(server, id))
        .as("the 1,000 most recently seen servers, workstations and domain controllers")
        .isEqualTo(sampled);
    assertThat(ScopeChecks.assets(server, id)).hasSizeLessThanOrEqualTo(1000);
    var detections = ScopeChecks.detections(server, id);
    assertThat((long) detections.size()).isEqualTo(truth.path("vulnerabilities").asLong());
    assertThat(detections)
        .allSatisfy(d -> assertThat(sampled).contains(d.path("assetSourceId").asText()));
    ScopeChecks.assertNothingLost(run);
    assertThat(run.path("fullSync").asBoolean()).as("a sample is not the whole tenant").isFalse();
  }

  @Test
  void shouldShowTheDefaultsAndRefuseAScopeItCannotUse() {
    JsonNode defaults = created("defaults", Map.of());
    assertThat(defaults.path("fetchFrom").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(defaults.path("sampling").asBoolean()).isFalse();
    assertThat(defaults.path("staleAfterDays").asInt()).isEqualTo(30);
    assertThat(defaults.path("purgeStaleAfterDays").isNull()).isTrue();
    JsonNode retention =
        created("retention", Map.of("staleAfterDays", 14, "purgeStaleAfterDays", 60));
    assertThat(retention.path("staleAfterDays").asInt()).isEqualTo(14);
    assertThat(retention.path("purgeStaleAfterDays").asInt()).isEqualTo(60);
    assertThat(created("by date", Map.of("fetchFrom", "2026-01-31")).path("fetchFrom").asText())
        .isEqualTo("2026-01-31T00:00:00Z");

    TestServer.Response bad =
        create(
            "bad",
            Map.of("fetchFrom", "31/01/2026", "staleAfterDays", 0, "purgeStaleAfterDays", -1));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("problems"))
        .extracting(p -> p.path("field").asText())
        .containsExactlyInAnyOrder("fetchFrom", "staleAfterDays", "purgeStaleAfterDays");
    assertThat(bad.text()).contains("YYYY-MM-DD");
    assertThat(create("future", Map.of("fetchFrom", "2999-01-01")).text()).contains("future");
  }
}
