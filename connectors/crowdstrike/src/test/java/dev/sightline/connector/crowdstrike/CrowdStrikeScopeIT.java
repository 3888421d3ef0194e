package dev.sightline.connector.crowdstrike;

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
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
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
class CrowdStrikeScopeIT {

  private static final int HOSTS = 120;
  private static final int PAGE = 50;
  private static final StreamSpec HOST_STREAM = CrowdStrikeStream.HOSTS.spec();
  private static final StreamSpec VULNS = CrowdStrikeStream.VULNERABILITIES.spec();

  private static SimulatedTenant tenant() {
    return new SimulatedTenant(
        CrowdStrikeSimulatorOptions.defaults(HOSTS), CrowdStrikeTuning.defaults(), PAGE);
  }

  /** A day before the tenant's anchor: about a quarter of its hosts were seen before. */
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

  private static String hostKey(JsonNode host) {
    return CrowdStrikeSample.findingHostId(host).orElse("");
  }

  @Test
  void shouldReadOnlyTheHostsSeenAndTheFindingsChangedSinceTheFetchFromDate()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      Instant since = dayBeforeAnchor(tenant);
      SyncRequest request = SyncRequest.everything().withPageSize(PAGE).withFetchFrom(since);
      JsonNode truth = tenant.simulator().scope(new ScopeQuery(since, 0));
      JsonNode manifest = tenant.simulator().manifest();

      List<JsonNode> hosts = records(read(connector, HOST_STREAM, request));
      List<JsonNode> vulns = records(read(connector, VULNS, request));

      assertThat((long) hosts.size()).isEqualTo(truth.path("hosts").asLong());
      assertThat((long) vulns.size()).isEqualTo(truth.path("vulnerabilities").asLong());
      assertThat((long) hosts.size())
          .as("the date leaves some hosts out")
          .isLessThan(manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong());
      assertThat((long) vulns.size()).isLessThan(manifest.path("vulnerabilities").asLong());
      assertThat(tenant.dataCalls())
          .allSatisfy(
              call ->
                  assertThat(call.parameters().get("filter").get(0))
                      .startsWith(
                          (call.path().equals(CrowdStrikeStream.HOSTS.path())
                                  ? "last_seen_timestamp"
                                  : "updated_timestamp")
                              + ":>='"
                              + since
                              + "'"));
    }
  }

  @Test
  void shouldSampleTheMostRecentlySeenServersWorkstationsAndDomainControllersAndOnlyTheirFindings()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      SyncRequest request =
          SyncRequest.everything().withPageSize(PAGE).withSampling(new Sampling(40));
      JsonNode truth = tenant.simulator().scope(new ScopeQuery(Instant.EPOCH, 40));

      List<Page> hostPages = read(connector, HOST_STREAM, request);
      List<JsonNode> hosts = records(hostPages);
      List<JsonNode> vulns;
      try (StreamReader reader = connector.open(VULNS, request, Optional.empty())) {
        assertThat(reader.fullSync()).as("a sample is not the whole tenant").isFalse();
        vulns = records(StreamReading.readAll(reader));
      }

      List<String> expected = new ArrayList<>();
      truth.path("hostIds").forEach(id -> expected.add(id.asText()));
      assertThat(hosts.stream().map(CrowdStrikeScopeIT::hostKey).toList())
          .as("most recently seen first")
          .containsExactlyElementsOf(expected)
          .hasSize(40);
      assertThat(hosts)
          .allSatisfy(
              h ->
                  assertThat(h.path("product_type_desc").asText())
                      .isIn("Server", "Workstation", "Domain Controller"));
      assertThat((long) vulns.size())
          .isEqualTo(truth.path("vulnerabilities").asLong())
          .isPositive();
      assertThat(vulns).allSatisfy(v -> assertThat(expected).contains(v.path("aid").asText()));
      assertThat(hostPages.get(hostPages.size() - 1).checkpoint().complete()).isTrue();
      assertThat(
              tenant.dataCalls().stream()
                  .filter(c -> c.path().equals(CrowdStrikeStream.HOSTS.path()))
                  .toList())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.parameters().get("sort"))
                    .containsExactly("last_seen_timestamp|desc");
                assertThat(call.parameters().get("limit")).containsExactly("40");
                assertThat(call.parameters().get("filter").get(0))
                    .contains("product_type_desc:['Server','Workstation','Domain Controller']");
              });
    }
  }

  @Test
  void shouldSampleWithinTheFetchFromDate() throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      Instant since = dayBeforeAnchor(tenant);
      SyncRequest request =
          SyncRequest.everything()
              .withPageSize(PAGE)
              .withFetchFrom(since)
              .withSampling(new Sampling(500));
      JsonNode truth = tenant.simulator().scope(new ScopeQuery(since, 500));

      List<JsonNode> hosts = records(read(connector, HOST_STREAM, request));
      List<JsonNode> vulns = records(read(connector, VULNS, request));

      assertThat((long) hosts.size())
          .as("fewer hosts were seen since the date than the sample could hold")
          .isEqualTo(truth.path("hosts").asLong())
          .isLessThan(500);
      assertThat((long) vulns.size()).isEqualTo(truth.path("vulnerabilities").asLong());
    }
  }

  @Test
  void shouldReadEveryHostAgainAfterASampleWasTurnedOff() throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = tenant.factory().create(tenant.config(), tenant.context())) {
      SyncRequest sampled =
          SyncRequest.everything().withPageSize(PAGE).withSampling(new Sampling(10));
      List<Page> pages = read(connector, HOST_STREAM, sampled);
      Checkpoint last = pages.get(pages.size() - 1).checkpoint();
      assertThat(last.complete()).isTrue();

      List<JsonNode> all;
      try (StreamReader reader =
          connector.open(
              HOST_STREAM, SyncRequest.everything().withPageSize(PAGE), Optional.of(last))) {
        assertThat(reader.fullSync()).as("no delta from a sample's watermark").isTrue();
        all = records(StreamReading.readAll(reader));
      }
      JsonNode manifest = tenant.simulator().manifest();
      assertThat((long) all.size())
          .isEqualTo(manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong());
    }
  }
}
