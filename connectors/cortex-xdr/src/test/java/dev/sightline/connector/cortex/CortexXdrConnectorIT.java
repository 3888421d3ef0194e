package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Status;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.StreamReading;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import dev.sightline.simulators.server.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cortex-specific behaviour against the simulator, beside the shared contract. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CortexXdrConnectorIT {

  /** Enough hosts for more than 1,000 XQL rows, so the results come as a stream. */
  private static final int HOSTS = 150;

  private static final StreamSpec ENDPOINTS = CortexXdrStream.ENDPOINTS.spec();
  private static final StreamSpec VULNERABILITIES = CortexXdrStream.VULNERABILITIES.spec();

  /**
   * Short waits, so fault tests stay quick; the request budget stays at production's 5 per second.
   */
  private static final CortexXdrTuning QUICK =
      CortexXdrTuning.defaults()
          .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 8)
          .withWaits(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(50));

  private static SimulatedTenant tenant(CortexXdrSimulatorOptions options) {
    return new SimulatedTenant(options, QUICK, 100, false);
  }

  @Test
  void shouldReadEveryEndpointOnceSortedByIdAtMostAHundredPerCall() throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(HOSTS));
        Connector connector = connector(tenant)) {
      List<JsonNode> endpoints = records(readAll(connector, ENDPOINTS, request(100)));

      assertExactlyOnce(endpoints, tenant.expectedRecords());
      assertThat(endpoints).allSatisfy(e -> assertThat(e.path("allIPs").isArray()).isTrue());
      assertThat(endpoints)
          .anySatisfy(e -> assertThat(e.path("cloud_provider").asText()).isNotEmpty());
      assertThat(tenant.dataCalls()).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }
  }

  @Test
  void shouldReadEveryFindingOnceAsCvesOfTheirEndpointsWithAStandardKey()
      throws InterruptedException {
    assertEveryFindingReadOnce(CortexXdrSimulatorOptions.defaults(HOSTS));
  }

  @Test
  void shouldReadEveryFindingOnceWithAnAdvancedKey() throws InterruptedException {
    assertEveryFindingReadOnce(
        CortexXdrSimulatorOptions.defaults(HOSTS).withSecurity(SecurityLevel.ADVANCED));
  }

  private static void assertEveryFindingReadOnce(CortexXdrSimulatorOptions options)
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant(options);
        Connector connector = connector(tenant)) {
      List<JsonNode> endpoints = records(readAll(connector, VULNERABILITIES, request(40)));

      assertThat(endpoints.stream().map(e -> e.path("endpoint_id").asText()))
          .doesNotHaveDuplicates();
      assertThat(findings(endpoints)).isEqualTo(tenant.expectedFindings());
      assertThat(endpoints)
          .allSatisfy(
              e -> {
                assertThat(e.path("endpoint_name").asText()).isNotEmpty();
                assertThat(e.path("endpoint_type").asText()).startsWith("AGENT_TYPE_");
                assertThat(e.path("cves").get(0).path("severity").asText()).isNotEmpty();
              });
      assertThat(tenant.dataCalls())
          .anySatisfy(c -> assertThat(c.path()).contains("get_query_results_stream"));
    }
  }

  @Test
  void shouldResumeTheVulnerabilityReadAfterTheCheckpointsEndpointWithoutDuplicates()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(HOSTS));
        Connector connector = connector(tenant)) {
      List<Page> before;
      try (StreamReader first = connector.open(VULNERABILITIES, request(20), Optional.empty())) {
        before = StreamReading.readAtMost(first, 2);
      }
      Checkpoint resumeFrom = before.get(1).checkpoint();
      List<Page> after;
      try (StreamReader second =
          connector.open(VULNERABILITIES, request(20), Optional.of(resumeFrom))) {
        after = StreamReading.readAll(second);
      }

      List<JsonNode> all = new ArrayList<>(records(before));
      all.addAll(records(after));
      assertThat(all.stream().map(e -> e.path("endpoint_id").asText())).doesNotHaveDuplicates();
      assertThat(findings(all)).isEqualTo(tenant.expectedFindings());
    }
  }

  @Test
  void shouldReadOnlyEndpointsSeenSinceTheLastRunInADeltaAfterTheTenantAdvanced()
      throws InterruptedException {
    try (SimulatedTenant tenant =
            new SimulatedTenant(
                CortexXdrSimulatorOptions.defaults(HOSTS),
                SimulatedTenant.contractTuning(),
                100,
                true);
        Connector connector = connector(tenant)) {
      List<Page> full = readAll(connector, ENDPOINTS, request(100));
      tenant.simulator().advance(10);

      List<JsonNode> delta;
      try (StreamReader reader =
          connector.open(
              ENDPOINTS, request(100), Optional.of(full.get(full.size() - 1).checkpoint()))) {
        assertThat(reader.fullSync()).isFalse();
        delta = records(StreamReading.readAll(reader));
      }

      assertThat(delta).isNotEmpty().hasSizeLessThanOrEqualTo(10);
      assertThat(delta)
          .allSatisfy(
              e ->
                  assertThat(e.path("last_seen").asLong())
                      .isGreaterThan(maxLastSeen(records(full))));
    }
  }

  @Test
  void shouldGiveExactlyTheSameRecordsDespiteRateLimitsServerErrorsDropsAndParallelQueryRefusals()
      throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(HOSTS));
        Connector connector = connector(tenant)) {
      tenant.simulator().faults().tooManyRequestsNext(2);
      tenant.simulator().faults().serverErrorNext(2);
      tenant.simulator().faults().dropConnectionNext(2);
      List<JsonNode> endpoints = records(readAll(connector, ENDPOINTS, request(50)));
      tenant.simulator().faults().parallelQueryRefusalNext(2);
      tenant.simulator().faults().serverErrorNext(1);
      List<JsonNode> vulnerable = records(readAll(connector, VULNERABILITIES, request(50)));

      assertExactlyOnce(endpoints, tenant.expectedRecords());
      assertThat(findings(vulnerable)).isEqualTo(tenant.expectedFindings());
      assertThat(tenant.dataCalls()).extracting(RequestLog.Entry::status).contains(0, 429, 500);
    }
  }

  @Test
  void shouldGiveExactlyTheSameRecordsUnderRandomFaults() throws InterruptedException {
    CortexXdrSimulatorOptions faulty =
        CortexXdrSimulatorOptions.defaults(HOSTS).withFaultSpec("429:5%,5xx:5%,drop:3%");
    try (SimulatedTenant tenant = tenant(faulty);
        Connector connector = connector(tenant)) {
      assertExactlyOnce(
          records(readAll(connector, ENDPOINTS, request(25))), tenant.expectedRecords());
      assertThat(findings(records(readAll(connector, VULNERABILITIES, request(25)))))
          .isEqualTo(tenant.expectedFindings());
    }
  }

  @Test
  void shouldKeepWithinTenRequestsInAnyOneSecondWindow() throws InterruptedException {
    try (SimulatedTenant tenant =
            new SimulatedTenant(
                CortexXdrSimulatorOptions.defaults(HOSTS), CortexXdrTuning.defaults(), 20, false);
        Connector connector = connector(tenant)) {
      connector.testConnection();
      readAll(connector, ENDPOINTS, request(20));
      readAll(connector, VULNERABILITIES, request(20));

      List<Instant> calls = tenant.dataCalls().stream().map(RequestLog.Entry::at).sorted().toList();
      assertThat(calls).hasSizeGreaterThan(20);
      for (int i = 10; i < calls.size(); i++) {
        assertThat(Duration.between(calls.get(i - 10), calls.get(i)))
            .as("calls %d..%d", i - 10, i)
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
      assertThat(tenant.dataCalls()).extracting(RequestLog.Entry::status).doesNotContain(429);
    }
  }

  @Test
  void shouldFailNamingTheKeyIdAndSecurityLevelOnAWrongKey() throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(HOSTS));
        Connector connector =
            tenant.factory().create(tenant.configWithWrongSecret(), tenant.context())) {
      assertThat(connector.testConnection())
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED, Status.SKIPPED);
      try (StreamReader reader = connector.open(ENDPOINTS, request(100), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("API Key ID (" + tenant.simulator().options().keyId() + ")")
            .hasMessageContaining("Security Level (standard)")
            .hasMessageContaining("To fix:")
            .hasMessageNotContaining(SimulatedTenant.WRONG_KEY);
      }
    }
  }

  @Test
  void shouldFailWhenTheConfiguredSecurityLevelDoesNotMatchTheKey() {
    try (SimulatedTenant tenant =
        tenant(CortexXdrSimulatorOptions.defaults(HOSTS).withSecurity(SecurityLevel.ADVANCED))) {
      Map<String, String> values = new HashMap<>(tenant.config().values());
      values.put(CortexXdrConfig.SECURITY_LEVEL, "standard");
      try (Connector connector =
              tenant
                  .factory()
                  .create(new dev.sightline.connector.ConnectorConfig(values), tenant.context());
          StreamReader reader = connector.open(ENDPOINTS, request(100), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("Security Level (standard)")
            .hasMessageNotContaining(tenant.simulator().options().key());
      }
    }
  }

  @Test
  void shouldNameTheMissingXqlPermissionOfTheKeysRole() throws InterruptedException {
    try (SimulatedTenant tenant =
            tenant(CortexXdrSimulatorOptions.defaults(HOSTS).withRole("Deployment Admin"));
        Connector connector = connector(tenant)) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED);
      assertThat(checks.get(3).message()).contains("HTTP 403").contains("XQL");
      assertThat(checks.get(3).fix()).contains("Viewer role");
      assertThat(checks.get(3).vendorReply())
          .hasValueSatisfying(
              reply -> {
                assertThat(reply.httpStatus()).isEqualTo(403);
                assertThat(reply.message()).isNotBlank();
                assertThat(reply.traceId()).isEmpty();
              });
      assertExactlyOnce(
          records(readAll(connector, ENDPOINTS, request(100))), tenant.expectedRecords());
      try (StreamReader reader = connector.open(VULNERABILITIES, request(100), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("HTTP 403")
            .hasMessageContaining("To fix:")
            .hasMessageContaining("Viewer role");
      }
    }
  }

  @Test
  void shouldNameTheMissingEndpointPermissionOfACustomRole() throws InterruptedException {
    try (SimulatedTenant tenant =
            tenant(CortexXdrSimulatorOptions.defaults(HOSTS).withRole("Auditors"));
        Connector connector = connector(tenant)) {
      assertThat(connector.testConnection())
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED);
      try (StreamReader reader = connector.open(ENDPOINTS, request(100), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("HTTP 403")
            .hasMessageContaining("Endpoint Administration");
      }
    }
  }

  @Test
  void shouldNameTheMissingHostInsightsLicense() {
    try (SimulatedTenant tenant =
            tenant(CortexXdrSimulatorOptions.defaults(HOSTS).withVulnerabilityLicense(false));
        Connector connector = connector(tenant);
        StreamReader reader = connector.open(VULNERABILITIES, request(100), Optional.empty())) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(PermanentException.class)
          .hasMessageContaining("HTTP 402")
          .hasMessageContaining("Host Insights")
          .hasMessageContaining("To fix:");
    }
  }

  @Test
  void shouldFailClearlyWhenTheDailyQueryQuotaIsUsedUp() {
    try (SimulatedTenant tenant =
            tenant(CortexXdrSimulatorOptions.defaults(HOSTS).withDailyQuotaUnits(0));
        Connector connector = connector(tenant);
        StreamReader reader = connector.open(VULNERABILITIES, request(100), Optional.empty())) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(PermanentException.class)
          .hasMessageContaining("quota is used up")
          .hasMessageContaining("To fix:");
      assertThat(tenant.dataCalls()).noneMatch(c -> c.path().contains("start_xql_query"));
    }
  }

  @Test
  void shouldFailTheDataFetchCheckOnATenantWithoutEndpoints() throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(0));
        Connector connector = connector(tenant)) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED);
      assertThat(checks.get(4).message()).contains("returned no endpoints");
      assertThat(checks.get(4).fix()).contains("Base URL").contains("saved as a draft");
    }
  }

  @Test
  void shouldFailTheReachabilityCheckAndTheReadOnAnUnknownHost() throws InterruptedException {
    try (SimulatedTenant tenant = tenant(CortexXdrSimulatorOptions.defaults(HOSTS));
        Connector connector =
            tenant
                .factory()
                .create(
                    tenant.configWith(
                        "https://api-nowhere.xdr.invalid", tenant.simulator().options().key()),
                    tenant.context())) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.FAILED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED);
      assertThat(checks.get(0).message())
          .contains("Cannot resolve the Cortex XDR host 'api-nowhere.xdr.invalid'")
          .doesNotContain("To fix:");
      assertThat(checks.get(0).fix()).contains("check the Base URL").contains("DNS");
      try (StreamReader reader = connector.open(ENDPOINTS, request(100), Optional.empty())) {
        assertThatThrownBy(reader::next)
            .isInstanceOf(PermanentException.class)
            .hasMessageContaining("Cannot resolve the Cortex XDR host 'api-nowhere.xdr.invalid'")
            .hasMessageContaining("To fix:");
      }
    }
  }

  private static long maxLastSeen(List<JsonNode> endpoints) {
    return endpoints.stream().mapToLong(e -> e.path("last_seen").asLong()).max().orElse(0);
  }

  private static long findings(List<JsonNode> endpoints) {
    return endpoints.stream().mapToLong(e -> e.path("cves").size()).sum();
  }

  private static void assertExactlyOnce(List<JsonNode> endpoints, long expected) {
    assertThat(endpoints.stream().map(e -> e.path("endpoint_id").asText()))
        .doesNotHaveDuplicates()
        .doesNotContain("");
    assertThat((long) endpoints.size()).isEqualTo(expected);
  }

  private static SyncRequest request(int pageSize) {
    return SyncRequest.everything().withPageSize(pageSize);
  }

  private static Connector connector(SimulatedTenant tenant) {
    return tenant.factory().create(tenant.config(), tenant.context());
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
