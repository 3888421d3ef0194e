package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each fault the Cortex XDR simulator injects, through the real server: the first run of a new
 * connector under the fault ends PROCESSED with exactly the simulator's endpoints and endpoint ×
 * CVE findings, every record fetched stored, and a clean run after it changes no total (nothing was
 * stored twice). Production timing and budget (8 requests a second); one small tenant that every
 * test's connector reads, so totals are counted per connector.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CortexXdrFaultsEndToEndIT {

  private CortexXdrSimulator sim;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    sim = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  /**
   * Registers a connector (a draft: the connection test would use up armed faults), lets {@code
   * arm} set the faults, runs it, then runs it again without faults.
   *
   * @return the API calls the faulty run made, as the simulator logged them
   */
  private List<RequestLog.Entry> shouldStoreExactlyTheTenantThrough(
      String fault, Consumer<CortexXdrSimulator> arm) {
    String id =
        CortexXdrEndToEndIT.registerDraft(server, "cortex " + fault, sim, Map.of())
            .path("id")
            .asText();
    int before = sim.requests().size();
    long injectedBefore = sim.faults().injected();
    arm.accept(sim);
    JsonNode faulty;
    try {
      faulty = server.runToEnd(id);
    } finally {
      sim.faults().clear();
    }
    List<RequestLog.Entry> calls = sim.requests().entries().subList(before, sim.requests().size());

    assertThat(sim.faults().injected() - injectedBefore).as(fault + " injected").isPositive();
    assertExactTotals(fault + " run", id, faulty);
    JsonNode clean = server.runToEnd(id);
    assertExactTotals("clean run after " + fault, id, clean);
    return calls;
  }

  private void assertExactTotals(String what, String connectorId, JsonNode run) {
    assertThat(run.path("state").asText()).as(what + ": " + run).isEqualTo("PROCESSED");
    JsonNode manifest = sim.manifest();
    JsonNode streams = run.path("counters").path("streams");
    assertThat(streams.path("endpoints").path("fetched").asLong())
        .as(what + " endpoints fetched")
        .isEqualTo(manifest.path("endpoints").asLong())
        .isEqualTo(streams.path("endpoints").path("stored").asLong());
    assertThat(streams.path("vulnerabilities").path("elementsStored").asLong())
        .as(what + " findings stored")
        .isEqualTo(manifest.path("findings").asLong());
    assertThat(run.path("counters").path("rejected").asLong()).as(what + " rejected").isZero();
    assertThat(total("/api/v1/assets?connectorId=" + connectorId))
        .as(what + " assets")
        .isEqualTo(manifest.path("hosts").asLong());
    assertThat(total("/api/v1/detections?connectorId=" + connectorId))
        .as(what + " detections")
        .isEqualTo(manifest.path("findings").asLong());
  }

  private long total(String path) {
    return CortexXdrEndToEndIT.total(server, path);
  }

  private static List<Integer> statuses(List<RequestLog.Entry> calls) {
    return calls.stream().map(RequestLog.Entry::status).toList();
  }

  @Test
  void shouldStoreExactlyTheTenantThroughTooManyRequestsStorms() {
    List<RequestLog.Entry> calls =
        shouldStoreExactlyTheTenantThrough("429 storms", s -> s.faults().useSpec("429-storm:2/6"));

    assertThat(statuses(calls)).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldStoreExactlyTheTenantThroughBurstsOfServerErrors() {
    List<RequestLog.Entry> calls =
        shouldStoreExactlyTheTenantThrough(
            "5xx bursts",
            s -> {
              s.faults().serverErrorNext(3); // three in a row on the first page
              s.faults().useSpec("5xx:10%");
            });

    assertThat(statuses(calls)).contains(500, 503);
  }

  @Test
  void shouldStoreExactlyTheTenantThroughConnectionsDroppedBeforeAnyAnswer() {
    List<RequestLog.Entry> calls =
        shouldStoreExactlyTheTenantThrough("drops", s -> s.faults().useSpec("drop:35%"));

    assertThat(statuses(calls)).contains(0);
  }

  @Test
  void shouldStoreExactlyTheTenantThroughConnectionsDroppedMidBody() {
    shouldStoreExactlyTheTenantThrough(
        "cut bodies",
        s -> {
          s.faults().cutBodyNext(1); // the first endpoints page
          s.faults().useSpec("cut:35%");
        });
  }

  @Test
  void shouldStoreExactlyTheTenantThroughTruncatedJson() {
    shouldStoreExactlyTheTenantThrough(
        "truncated JSON",
        s -> {
          s.faults().truncateJsonNext(1); // the first endpoints page
          s.faults().useSpec("truncate:35%");
        });
  }

  @Test
  void shouldStoreExactlyTheTenantThroughSlowPages() {
    shouldStoreExactlyTheTenantThrough("slow pages", s -> s.faults().useSpec("slow:50%:700ms"));
  }
}
