package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Connector;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.testkit.StreamReading;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.RequestRate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoint listing against the simulator uses the configured request budget nearly whole and
 * never sends the tenant more than its 10 requests in any one second, as the simulator counts them.
 * The bounds on the achieved rate are deliberately loose (a loaded 2-core machine slows the
 * simulator too); the figures themselves are printed for the report.
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
    RequestRate rate = tenant.simulator().requestRate(GET_ENDPOINT);
    System.out.printf(
        "Cortex XDR endpoint listing: %d endpoints, %d calls (%d refused) in %d ms: %.2f requests/s"
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
      assertThat(rate.busiestSecond()).isLessThanOrEqualTo(TENANT_LIMIT);
      // ~0.99 on an idle machine; the bound only catches a budget left largely unused.
      assertThat(rate.useOf(8)).isGreaterThan(0.75).isLessThan(1.1);
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
      assertThat(rate.busiestSecond()).isLessThanOrEqualTo(TENANT_LIMIT);
      assertThat(rate.useOf(TENANT_LIMIT)).isGreaterThan(0.6).isLessThan(1.1);
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
      assertThat(rate.useOf(3)).isGreaterThan(0.75).isLessThan(1.1);
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
