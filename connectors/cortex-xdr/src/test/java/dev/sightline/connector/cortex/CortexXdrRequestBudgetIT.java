package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Connector;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.StreamReading;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import dev.sightline.simulators.server.RequestRate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoint listing against the simulator uses the configured request budget nearly whole and
 * never sends the tenant more than its 10 requests in any one second, as the simulator counts them.
 * What shows the budget is used is a count, the busiest second's calls; the bounds on the achieved
 * rate are deliberately loose (a loaded 2-core machine slows the simulator too), and the figures
 * themselves are printed for the report.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CortexXdrRequestBudgetIT {

  private static final String GET_ENDPOINT = "/public_api/v1/endpoints/get_endpoint";
  private static final int TENANT_LIMIT = 10;

  private static RequestRate listEndpoints(SimulatedTenant tenant, int requestsPerSecond)
      throws InterruptedException {
    try (Connector connector =
            tenant.factory().create(tenant.configWithBudget(requestsPerSecond), tenant.context());
        StreamReader reader =
            connector.open(
                CortexXdrStream.ENDPOINTS.spec(),
                SyncRequest.everything().withPageSize(100),
                Optional.empty())) {
      List<JsonNode> endpoints =
          StreamReading.readAll(reader).stream().flatMap(p -> p.records().stream()).toList();
      assertThat(endpoints.stream().map(e -> e.path("endpoint_id").asText()))
          .doesNotHaveDuplicates()
          .hasSize((int) tenant.expectedRecords());
    }
    RequestRate all = tenant.simulator().requestRate(GET_ENDPOINT);
    // The rate between the second call and the last: the first one's TLS handshake delays its
    // arrival, not the budget.
    List<RequestLog.Entry> calls =
        tenant.simulator().requests().entries().stream()
            .filter(e -> e.path().startsWith(GET_ENDPOINT))
            .toList();
    RequestRate paced = RequestRate.of(calls.subList(1, calls.size()));
    RequestRate rate =
        new RequestRate(
            all.requests(), all.refused(), paced.span(), paced.perSecond(), all.busiestSecond());
    System.out.printf(
        "Cortex XDR endpoint listing: %d endpoints, %d calls (%d refused), calls 2.. in %d ms: %.2f requests/s"
            + " of a budget of %d = %.1f %%; busiest second %d%n",
        tenant.expectedRecords(),
        rate.requests(),
        rate.refused(),
        rate.span().toMillis(),
        rate.perSecond(),
        requestsPerSecond,
        100 * rate.useOf(requestsPerSecond),
        rate.busiestSecond());
    return rate;
  }

  @Test
  void shouldListAFewThousandEndpointsAtNearlyTheDefaultBudgetNeverPastTheTenantsLimit()
      throws InterruptedException {
    try (SimulatedTenant tenant =
        new SimulatedTenant(
            CortexXdrSimulatorOptions.defaults(3000), CortexXdrTuning.defaults(), 100, false)) {
      RequestRate rate = listEndpoints(tenant, CortexXdrConfig.DEFAULT_REQUESTS_PER_SECOND);

      // 100 endpoints a call, the first of each later page the anchor already read: ~31 calls.
      assertThat(rate.requests()).isBetween(30, 33);
      assertThat(rate.refused()).isZero();
      // Some second held at least 7 calls: the budget was reached, not the old 5 a second.
      assertThat(rate.busiestSecond()).isBetween(7, TENANT_LIMIT);
      // ~0.99 on an idle machine, 0.69 at a load of 24 on 2 cores; the bound only catches a
      // budget left largely unused.
      assertThat(rate.useOf(8)).isGreaterThan(0.4).isLessThan(1.25);
    }
  }

  @Test
  void shouldUseTheTenantsWholeLimitWhenConfiguredSoWithoutOneRefusal()
      throws InterruptedException {
    try (SimulatedTenant tenant =
        new SimulatedTenant(
            CortexXdrSimulatorOptions.defaults(1500), CortexXdrTuning.defaults(), 100, false)) {
      RequestRate rate = listEndpoints(tenant, TENANT_LIMIT);

      // The simulator refuses the eleventh request within any one second.
      assertThat(rate.refused()).isZero();
      assertThat(rate.busiestSecond()).isBetween(8, TENANT_LIMIT);
      assertThat(rate.useOf(TENANT_LIMIT)).isGreaterThan(0.4).isLessThan(1.25);
    }
  }

  @Test
  void shouldKeepToASmallerConfiguredBudget() throws InterruptedException {
    try (SimulatedTenant tenant =
        new SimulatedTenant(
            CortexXdrSimulatorOptions.defaults(1200), CortexXdrTuning.defaults(), 100, false)) {
      RequestRate rate = listEndpoints(tenant, 3);

      assertThat(rate.refused()).isZero();
      // Starts 333 ms apart: three fit in one second, a fourth only when arrivals bunch up.
      assertThat(rate.busiestSecond()).isBetween(2, 4);
      assertThat(rate.useOf(3)).isGreaterThan(0.4).isLessThan(1.25);
    }
  }

  @Test
  void shouldSlowDownThroughTooManyRequestsStormsAndStillReadEveryEndpointOnce()
      throws InterruptedException {
    try (SimulatedTenant tenant =
        new SimulatedTenant(
            CortexXdrSimulatorOptions.defaults(1200).withFaultSpec("429-storm:2/9"),
            CortexXdrTuning.defaults(),
            100,
            false)) {
      RequestRate rate = listEndpoints(tenant, CortexXdrConfig.TENANT_LIMIT);

      assertThat(rate.refused()).isGreaterThanOrEqualTo(2);
      assertThat(rate.busiestSecond()).isLessThanOrEqualTo(TENANT_LIMIT);
      // Each refusal halves the rate and the retry waits a second or more: below the budget.
      assertThat(rate.useOf(CortexXdrConfig.TENANT_LIMIT)).isLessThan(0.9);
    }
  }
}
