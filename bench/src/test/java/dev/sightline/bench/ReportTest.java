package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.server.RequestRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary's contract: the ratio line on a line of its own, two decimals, once per vendor. */
class ReportTest {

  private static VendorResult result(
      String vendor, double floorSeconds, double fullSeconds, Optional<BudgetUse> budget) {
    PhaseFigures floor = new PhaseFigures(floorSeconds, 1000, 100, 50, 400);
    PhaseFigures full = new PhaseFigures(fullSeconds, 1000, 300, 120, 600);
    PhaseFigures delta = new PhaseFigures(0.5, 20, 200, 100, 500);
    MixLatencies idle =
        new MixLatencies(
            new Latencies(20, 0, 2.5, 9.0, 12.0),
            java.util.Map.of("all, by QDS", new Latencies(1, 0, 2.5, 2.5, 2.5)));
    MixLatencies load =
        new MixLatencies(
            new Latencies(400, 1, 8.0, 40.0, 90.0),
            java.util.Map.of("all, by QDS", new Latencies(20, 20, 0, 0, 0)));
    return new VendorResult(
        vendor, 200, 210, 2000, floor, full, budget, 20, delta, idle, full, 20, load);
  }

  private final Report report =
      new Report(
          List.of(
              result("crowdstrike", 2.0, 9.0, Optional.empty()),
              result(
                  "cortex-xdr",
                  3.0,
                  3.5,
                  Optional.of(
                      new BudgetUse(
                          new SimulatedTenant.RequestBudget(8, "/public_api/v1/endpoints/x"),
                          new RequestRate(30, 1, Duration.ofMillis(3800), 7.63, 8))))),
          new Machine(2, 24_000, "OpenJDK 17", 512, "1.50 2.00 2.50"),
          Instant.parse("2026-12-07T04:00:00Z"),
          "./sightline bench --hosts 200");

  @Test
  void theSummaryHasTheRatioLineWithTwoDecimalsForEachVendorRun() {
    assertThat(report.text().lines().filter(l -> l.startsWith("ingest time / floor time: ")))
        .containsExactly("ingest time / floor time: 4.50", "ingest time / floor time: 1.17");
  }

  @Test
  void theSectionIsDatedAndNamesTheMachineAndTheCommand() {
    String md = report.markdown();

    assertThat(md)
        .startsWith("## `./sightline bench` (2026-12-07 04:00 UTC)")
        .contains("    ./sightline bench --hosts 200")
        .contains(
            "2 cores, 23.4 GiB memory, OpenJDK 17, max heap 512 MiB; load average at the end 1.50 2.00 2.50")
        .contains("| crowdstrike (200 hosts) | full ingest | 9.0 | 1,000 | 111 | 300 | 120 | 600 |")
        .contains("| cortex-xdr | 20 clients during a sync | 8.0 | 40.0 | 90.0 | 400 | 1 |")
        .contains("| all, by QDS | 2.5 | 2.5 | – | – | – | 20 |")
        .contains("`ingest time / floor time: 1.17`")
        .contains(
            "- cortex-xdr: request budget in the full ingest (target ≥ 90 %):"
                + " `/public_api/v1/endpoints/x` calls: 7.63 requests/s of a 8/s budget = 95 %"
                + " (30 requests, busiest second 8, 1 answered 429)")
        .doesNotContain("- crowdstrike: request budget");
  }

  @Test
  void theSummaryShowsTheBudgetUsedByAVendorThatHasOne() {
    assertThat(report.text().lines().filter(l -> l.startsWith("request budget in the full ingest")))
        .containsExactly(
            "request budget in the full ingest: /public_api/v1/endpoints/x calls: 7.63 requests/s"
                + " of a 8/s budget = 95 % (30 requests, busiest second 8, 1 answered 429)");
  }
}
