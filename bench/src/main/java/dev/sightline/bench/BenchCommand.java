package dev.sightline.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./sightline bench}: for each vendor, in one process and one run, the fetch floor, the full
 * ingest, a delta and the query mix idle and under load, side by side; prints the summary and
 * writes it as the dated generated section of {@code docs/benchmarks.md} (or {@code --out FILE}).
 * Run with {@code -Xmx512m}, the heap target, as the launcher does.
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sightline bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.print(run(options, System.err).text());
    options.out().ifPresent(out -> System.err.println("Wrote the section into " + out));
  }

  /** Runs every vendor of {@code options}, writes the page section, and returns the report. */
  static Report run(BenchOptions options, PrintStream progress) throws Exception {
    Instant at = Instant.now();
    List<VendorResult> results = new ArrayList<>();
    VendorBench bench = new VendorBench(options, progress);
    for (String vendor : options.vendors()) {
      results.add(bench.run(vendor));
    }
    Report report = new Report(results, Machine.here(), at, options.command());
    if (options.out().isPresent()) {
      Path out = options.out().get();
      String page = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
      Files.writeString(
          out, BenchmarksDoc.withSection(page, report.markdown()), StandardCharsets.UTF_8);
    }
    return report;
  }
}
