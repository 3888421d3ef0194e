package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sightline bench} at a smoke size (100 hosts a vendor), both vendors in one run: every
 * phase has its figures, the load's clients got no errors, the summary has the contract's ratio
 * line once per vendor run, and the page's generated section is written beside what was there.
 */
class BenchSmokeIT {

  @TempDir Path dir;

  @Test
  void aSmokeRunOfBothVendorsReportsEveryPhaseAndTheRatioLinePerVendor() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "# Benchmarks\n\nIntro.\n\n## Older figures\n\nKept.\n");
    BenchOptions options =
        BenchOptions.parse(
            "--vendor",
            "both",
            "--hosts",
            "100",
            "--runs",
            "1",
            "--clients",
            "20",
            "--out",
            page.toString());

    Report report =
        BenchCommand.run(options, new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"));

    String text = report.text();
    Matcher ratios =
        Pattern.compile("(?m)^ingest time / floor time: (\\d+\\.\\d{2})$").matcher(text);
    int found = 0;
    while (ratios.find()) {
      assertThat(Double.parseDouble(ratios.group(1))).isPositive();
      found++;
    }
    assertThat(found).as("one ratio line per vendor run in:%n%s", text).isEqualTo(2);
    for (String phase :
        List.of("floor (bare HTTP + JSON)", "full ingest", "delta (", "second sync under load")) {
      assertThat(text.lines().filter(l -> l.trim().startsWith(phase)).count())
          .as("the %s row of each vendor in:%n%s", phase, text)
          .isEqualTo(2);
    }
    assertThat(report.results())
        .extracting(VendorResult::vendor)
        .containsExactly("crowdstrike", "cortex-xdr");
    for (VendorResult r : report.results()) {
      assertThat(r.hosts()).isEqualTo(100);
      assertThat(r.floor().records()).as(r.vendor()).isGreaterThan(r.findings());
      assertThat(r.full().records()).as(r.vendor()).isEqualTo(r.floor().records());
      assertThat(r.changes()).isEqualTo(Math.max(1, Math.round(r.findings() / 100.0)));
      assertThat(r.delta().records()).as(r.vendor()).isPositive();
      assertThat(r.loadSync().records())
          .as(r.vendor())
          .isBetween(r.full().records() - r.changes(), r.full().records() + r.changes());
      for (PhaseFigures f : List.of(r.floor(), r.full(), r.delta(), r.loadSync())) {
        assertThat(f.seconds()).isPositive();
        assertThat(f.peakHeapMiB()).isPositive();
        assertThat(f.peakRssMiB()).isPositive();
      }
      assertThat(r.idle().all().queries()).isEqualTo(20);
      assertThat(r.idle().all().errors()).isZero();
      assertThat(r.idle().byQuery()).hasSize(20);
      assertThat(r.load().all().queries()).isGreaterThanOrEqualTo(20 * 20);
      assertThat(r.load().all().errors()).isZero();
      // Only Cortex XDR limits the tenant's request rate; its listing calls were counted.
      assertThat(r.fullBudget().map(b -> b.rate().requests()).orElse(0))
          .as(r.vendor())
          .matches(n -> r.vendor().equals("cortex-xdr") ? n > 0 : n == 0);
      assertThat(r.load().all().p95()).isPositive();
      assertThat(r.load().byQuery().values()).allMatch(l -> l.queries() >= 20);
    }

    String written = Files.readString(page);
    assertThat(written)
        .startsWith("# Benchmarks\n\nIntro.\n\n" + BenchmarksDoc.BEGIN)
        .contains("    ./sightline bench --vendor both --hosts 100")
        .contains("`ingest time / floor time: ")
        .endsWith(BenchmarksDoc.END + "\n\n## Older figures\n\nKept.\n");
  }
}
