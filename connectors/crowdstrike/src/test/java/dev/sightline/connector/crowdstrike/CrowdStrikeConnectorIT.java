package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.CheckResult.Status;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.MutableClock;
import dev.sightline.connector.testkit.StreamReading;
import dev.sightline.connector.testkit.TrustingContext;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.crowdstrike.RequestLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CrowdStrike-specific behaviour against the simulator, beside the shared contract. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrowdStrikeConnectorIT {

  private static final int HOSTS = 60;
  private static final int PAGE = 50;
  private static final StreamSpec VULNS = CrowdStrikeStream.VULNERABILITIES.spec();
  private static final StreamSpec HOST_STREAM = CrowdStrikeStream.HOSTS.spec();

  private static SimulatedTenant tenant(
      CrowdStrikeSimulatorOptions options, CrowdStrikeTuning tuning) {
    return new SimulatedTenant(options, tuning, PAGE);
  }

  private static SimulatedTenant tenant() {
    return tenant(CrowdStrikeSimulatorOptions.defaults(HOSTS), CrowdStrikeTuning.defaults());
  }

  private static SyncRequest request() {
    return SyncRequest.everything().withPageSize(PAGE);
  }

  @Test
  void shouldReadEveryHostOnceKeyedByItsSensorIdOrWithoutSensorItsDiscoverId()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = connector(tenant)) {
      List<JsonNode> hosts = records(readAll(connector, HOST_STREAM, Optional.empty()));

      List<String> keys =
          hosts.stream()
              .map(h -> h.hasNonNull("aid") ? h.path("aid").asText() : h.path("id").asText())
              .toList();
      assertThat(keys).doesNotHaveDuplicates().doesNotContain("");
      JsonNode manifest = tenant.simulator().manifest();
      assertThat((long) keys.size())
          .isEqualTo(manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong());
      assertThat(tenant.dataCalls())
          .allSatisfy(
              call -> {
                if (call.path().equals(CrowdStrikeStream.HOSTS.path())) {
                  assertThat(call.parameters().get("sort"))
                      .containsExactly("last_seen_timestamp|asc");
                  assertThat(call.parameters().get("filter").get(0))
                      .startsWith("last_seen_timestamp:>='")
                      .doesNotContain("entity_type");
                }
              });
    }
  }

  @Test
  void shouldSendTheFacetsOnEveryVulnerabilityPage() throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = connector(tenant)) {
      List<Page> pages = readAll(connector, VULNS, Optional.empty());

      assertThat(pages).hasSizeGreaterThan(2);
      assertThat(records(pages))
          .allSatisfy(v -> assertThat(v.has("cve") && v.has("host_info")).isTrue());
      assertThat(tenant.dataCalls())
          .allSatisfy(
              call ->
                  assertThat(call.parameters().get("facet"))
                      .containsExactly("cve", "host_info", "remediation"));
    }
  }

  @Test
  void shouldFetchOnlyTheChangedRecordsAndTheOverlapInADeltaAfterTheTenantAdvanced()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = connector(tenant)) {
      List<Page> full = readAll(connector, VULNS, Optional.empty());
      Checkpoint watermark = full.get(full.size() - 1).checkpoint();
      Instant maxSeen =
          CrowdStrikeCursor.fromCheckpoint("vulnerabilities", watermark).maxTimestamp();
      Set<String> overlap =
          records(full).stream()
              .filter(v -> !updated(v).isBefore(maxSeen.minus(Duration.ofMinutes(2))))
              .map(v -> v.path("id").asText())
              .collect(Collectors.toSet());

      tenant.simulator().advance(20);
      List<JsonNode> delta;
      try (StreamReader reader = connector.open(VULNS, request(), Optional.of(watermark))) {
        assertThat(reader.fullSync()).isFalse();
        delta = records(StreamReading.readAll(reader));
      }

      List<JsonNode> changed = delta.stream().filter(v -> updated(v).isAfter(maxSeen)).toList();
      Set<String> replayed =
          delta.stream()
              .filter(v -> !updated(v).isAfter(maxSeen))
              .map(v -> v.path("id").asText())
              .collect(Collectors.toSet());
      assertThat(changed).hasSize(20);
      assertThat(replayed).isEqualTo(overlapStillUnchanged(overlap, changed));
      assertThat(
              tenant
                  .dataCalls()
                  .get(tenant.dataCalls().size() - 1)
                  .parameters()
                  .get("filter")
                  .get(0))
          .isEqualTo("updated_timestamp:>='" + maxSeen.minus(Duration.ofMinutes(2)) + "'");
    }
  }

  @Test
  void shouldReadEveryRecordExactlyOnceDespiteRandomRateLimitsServerErrorsAndDrops()
      throws InterruptedException {
    CrowdStrikeTuning quick =
        CrowdStrikeTuning.defaults().withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 8);
    CrowdStrikeSimulatorOptions faulty =
        CrowdStrikeSimulatorOptions.defaults(200).withFaultSpec("429:5%,5xx:3%,drop:2%");
    try (SimulatedTenant tenant = tenant(faulty, quick);
        Connector connector = connector(tenant)) {
      JsonNode manifest = tenant.simulator().manifest();
      SyncRequest smallPages = SyncRequest.everything().withPageSize(25);

      assertExactlyOnce(
          records(readAll(connector, HOST_STREAM, smallPages)),
          "id",
          manifest.path("agents").asLong() + manifest.path("unmanagedAssets").asLong());
      assertExactlyOnce(
          records(readAll(connector, VULNS, smallPages)),
          "id",
          manifest.path("vulnerabilities").asLong());
      assertThat(tenant.dataCalls())
          .extracting(RequestLog.Entry::status)
          .contains(0, 429)
          .anyMatch(s -> s >= 500);
    }
  }

  @Test
  void shouldRederiveItsPositionWhenTheVendorCursorExpiredBetweenPages()
      throws InterruptedException {
    MutableClock simClock = new MutableClock(Clock.systemUTC().instant());
    CrowdStrikeSimulatorOptions options =
        CrowdStrikeSimulatorOptions.defaults(HOSTS).withClock(simClock);
    try (SimulatedTenant tenant = tenant(options, CrowdStrikeTuning.defaults());
        Connector connector = connector(tenant)) {
      List<Page> pages = new ArrayList<>();
      try (StreamReader reader = connector.open(VULNS, request(), Optional.empty())) {
        pages.addAll(StreamReading.readAtMost(reader, 2));
        simClock.advance(Duration.ofMinutes(5));
        pages.addAll(StreamReading.readAll(reader));
      }

      assertExactlyOnce(records(pages), "id", tenant.expectedRecords());
      assertThat(tenant.dataCalls()).extracting(RequestLog.Entry::status).contains(404);
    }
  }

  @Test
  void shouldRefreshTheTokenBeforeItExpiresByTheConnectorsClock() throws InterruptedException {
    try (SimulatedTenant tenant = tenant()) {
      MutableClock clock = new MutableClock(Clock.systemUTC().instant());
      Connector connector =
          tenant.factory().create(tenant.config(), new TrustingContext(sslOf(tenant), clock));
      try (connector;
          StreamReader reader = connector.open(VULNS, request(), Optional.empty())) {
        reader.next();
        clock.advance(Duration.ofSeconds(1799 - 241));
        reader.next();
        assertThat(tenant.tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        reader.next();
        assertThat(tenant.tokenCalls()).isEqualTo(2);
      }
    }
  }

  @Test
  void shouldFailClearlyWhenEvenAFreshTokenIsRejected() {
    CrowdStrikeSimulatorOptions options =
        CrowdStrikeSimulatorOptions.defaults(HOSTS).withFaultSpec("token-expiry:1ms");
    try (SimulatedTenant tenant = tenant(options, CrowdStrikeTuning.defaults());
        Connector connector = connector(tenant);
        StreamReader reader = connector.open(VULNS, request(), Optional.empty())) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(PermanentException.class)
          .hasMessageStartingWith("CrowdStrike rejected the access token twice")
          .hasMessageContaining("To fix:");
      assertThat(tenant.tokenCalls()).isEqualTo(2);
    }
  }

  @Test
  void shouldEmitAMalformedRecordInsteadOfDroppingIt() throws InterruptedException {
    try (SimulatedTenant tenant = tenant();
        Connector connector = connector(tenant)) {
      tenant.simulator().faults().malformedRecordNext(1);
      List<JsonNode> records = records(readAll(connector, VULNS, Optional.empty()));

      assertThat((long) records.size()).isEqualTo(tenant.expectedRecords());
      assertThat(records)
          .filteredOn(
              v -> !v.has("aid") || !v.path("updated_timestamp").isTextual() || !v.has("status"))
          .hasSize(1);
    }
  }

  @Test
  void shouldNameTheMissingScopeInTheAuthorizationCheckAndOnRead() throws InterruptedException {
    CrowdStrikeSimulatorOptions discoverOnly =
        CrowdStrikeSimulatorOptions.defaults(HOSTS)
            .withScopes(Set.of(CrowdStrikeSimulatorOptions.SCOPE_DISCOVER));
    try (SimulatedTenant tenant = tenant(discoverOnly, CrowdStrikeTuning.defaults());
        Connector connector = connector(tenant)) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED);
      assertThat(checks.get(3).message())
          .contains("'Vulnerabilities: Read'")
          .doesNotContain("'Assets: Read' scope");
      assertThat(checks.get(3).fix()).contains("Support > API Clients and Keys");
      assertThat(checks.get(3).vendorReply())
          .hasValueSatisfying(
              reply -> {
                assertThat(reply.httpStatus()).isEqualTo(403);
                assertThat(reply.message()).isEqualTo("access denied, scope not permitted");
                assertThat(reply.traceId()).isPresent();
              });
      try (StreamReader reader = connector.open(VULNS, request(), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("HTTP 403: access denied, scope not permitted")
            .hasMessageContaining("grant 'Vulnerabilities: Read'");
      }
    }
  }

  @Test
  void shouldFailTheDataFetchCheckOnATenantThatReturnsNothing() throws InterruptedException {
    try (SimulatedTenant tenant =
            tenant(CrowdStrikeSimulatorOptions.defaults(0), CrowdStrikeTuning.defaults());
        Connector connector = connector(tenant)) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED);
      assertThat(checks.get(4).message()).contains("returned no hosts and no vulnerabilities");
      assertThat(checks.get(4).fix()).contains("Member CID").contains("saved as a draft");
    }
  }

  @Test
  void shouldFailTheReachabilityCheckOnAClosedPortAndSkipTheRest()
      throws IOException, InterruptedException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    try (SimulatedTenant tenant = tenant()) {
      ConnectorConfig closed =
          new ConnectorConfig(
              Map.of(
                  "url",
                  "https://127.0.0.1:" + closedPort,
                  "clientId",
                  "sim-client",
                  "clientSecret",
                  "sim-secret"));
      try (Connector connector = tenant.factory().create(closed, tenant.context())) {
        List<CheckResult> checks = connector.testConnection();

        assertThat(checks)
            .extracting(CheckResult::status)
            .containsExactly(
                Status.FAILED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED);
        assertThat(checks.get(0).message())
            .contains("Cannot connect")
            .contains("127.0.0.1:" + closedPort)
            .doesNotContain("To fix:")
            .doesNotContain("sim-secret");
        assertThat(checks.get(0).fix()).contains("check the Url and port");
      }
    }
  }

  @Test
  void shouldFailTheTlsCheckWhenTheServerCertificateIsNotTrusted() throws Exception {
    try (SimulatedTenant tenant = tenant()) {
      TrustingContext jvmTrustOnly =
          new TrustingContext(SSLContext.getDefault(), Clock.systemUTC());
      try (Connector connector = tenant.factory().create(tenant.config(), jvmTrustOnly)) {
        List<CheckResult> checks = connector.testConnection();

        assertThat(checks)
            .extracting(CheckResult::check, CheckResult::status)
            .startsWith(
                org.assertj.core.groups.Tuple.tuple(Check.NETWORK_REACHABILITY, Status.PASSED),
                org.assertj.core.groups.Tuple.tuple(Check.TLS_HANDSHAKE, Status.FAILED));
        assertThat(checks.get(1).message()).contains("TLS handshake").contains("127.0.0.1");
        assertThat(checks.get(1).fix()).contains("add that CA to the trusted certificates");
        try (StreamReader reader = connector.open(VULNS, request(), Optional.empty())) {
          assertThatThrownBy(reader::next)
              .isInstanceOf(PermanentException.class)
              .hasMessageContaining("TLS handshake");
        }
      }
    }
  }

  private static Set<String> overlapStillUnchanged(Set<String> overlap, List<JsonNode> changed) {
    Set<String> unchanged = new java.util.HashSet<>(overlap);
    changed.forEach(v -> unchanged.remove(v.path("id").asText()));
    return unchanged;
  }

  private static Instant updated(JsonNode vulnerability) {
    return Instant.parse(vulnerability.path("updated_timestamp").asText());
  }

  private static void assertExactlyOnce(List<JsonNode> records, String key, long expected) {
    Map<String, Integer> seen = new HashMap<>();
    records.forEach(r -> seen.merge(r.path(key).asText(), 1, Integer::sum));
    assertThat(seen.values()).allMatch(n -> n == 1);
    assertThat((long) records.size()).isEqualTo(expected);
  }

  private static Connector connector(SimulatedTenant tenant) {
    return tenant.factory().create(tenant.config(), tenant.context());
  }

  private static SSLContext sslOf(SimulatedTenant tenant) {
    return tenant.simulator().clientSslContext();
  }

  private static List<Page> readAll(
      Connector connector, StreamSpec stream, Optional<Checkpoint> from)
      throws InterruptedException {
    try (StreamReader reader = connector.open(stream, request(), from)) {
      return StreamReading.readAll(reader);
    }
  }

  private static List<Page> readAll(Connector connector, StreamSpec stream, SyncRequest request)
      throws InterruptedException {
    try (StreamReader reader = connector.open(stream, request, Optional.empty())) {
      return StreamReading.readAll(reader);
    }
  }

  private static List<JsonNode> records(List<Page> pages) {
    return pages.stream().flatMap(p -> p.records().stream()).toList();
  }
}
