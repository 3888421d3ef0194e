package dev.sightline.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The summary of a {@code ./sightline bench} run, as printed (a plain table) and as the dated
 * section of {@code docs/benchmarks.md} (Markdown). Each vendor run has the line {@code ingest time
 * / floor time: R} with two decimals, on a line of its own: scripts read it (CONTRACTS.md).
 */
final class Report {
  static final String RATIO_LABEL = "ingest time / floor time: ";

  private final List<VendorResult> results;
  private final Machine machine;
  private final Instant at;
  private final String command;

  Report(List<VendorResult> results, Machine machine, Instant at, String command) {
    this.results = List.copyOf(results);
    this.machine = machine;
    this.at = at;
    this.command = command;
  }

  List<VendorResult> results() {
    return results;
  }

  static String ratioLine(double ratio) {
    return RATIO_LABEL + String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String latencies(Latencies l) {
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms  p95 %.1f ms  max %.1f ms  %,d queries  %d errors",
        l.p50(),
        l.p95(),
        l.max(),
        l.queries(),
        l.errors());
  }

  /** The budget a phase used, in one line: rate, share, busiest second, refusals. */
  static String budget(BudgetUse use) {
    var rate = use.rate();
    return String.format(
        Locale.ROOT,
        "%s calls: %.2f requests/s of a %d/s budget = %.0f %% (%,d requests, busiest second %d,"
            + " %d answered 429)",
        use.budget().pathPrefix(),
        rate.perSecond(),
        use.budget().perSecond(),
        use.share() * 100,
        rate.requests(),
        rate.busiestSecond(),
        rate.refused());
  }

  /** The plain-text summary for the terminal. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%nSightline bench, %s%n", date()));
    b.append("machine: ").append(machine.describe()).append('\n');
    b.append("command: ").append(command).append('\n');
    for (VendorResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "%n%s, %,d hosts: %,d asset records, %,d findings%n",
              r.vendor(),
              r.hosts(),
              r.assets(),
              r.findings()));
      b.append(
          String.format(
              Locale.ROOT,
              "  %-28s %9s %11s %10s %9s %9s %8s%n",
              "phase",
              "time s",
              "records",
              "records/s",
              "heap MiB",
              "live MiB",
              "RSS MiB"));
      phaseRow(b, "floor (bare HTTP + JSON)", r.floor());
      phaseRow(b, "full ingest", r.full());
      phaseRow(b, String.format("delta (%,d changed)", r.changes()), r.delta());
      phaseRow(b, "second sync under load", r.loadSync());
      b.append(
          String.format(
              Locale.ROOT,
              "  %-28s %9s %9s %9s %9s %7s%n",
              "query mix",
              "p50 ms",
              "p95 ms",
              "max ms",
              "queries",
              "errors"));
      queryRow(b, "idle", r.idle().all());
      queryRow(b, r.clients() + " clients during a sync", r.load().all());
      b.append(ratioLine(r.ingestOverFloor())).append('\n');
      r.fullBudget()
          .ifPresent(
              u -> b.append("request budget in the full ingest: ").append(budget(u)).append('\n'));
      b.append(String.format(Locale.ROOT, "delta time / full time: %.3f%n", r.deltaOverFull()));
    }
    return b.toString();
  }

  /** The dated Markdown section for docs/benchmarks.md (without its markers). */
  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("## `./sightline bench` (").append(date()).append(")\n\n");
    b.append("    ").append(command).append("\n\n");
    b.append("Machine: ").append(machine.describe()).append(". ");
    b.append(
        "One process runs the simulators (HTTPS on loopback) and Sightline; PostgreSQL is embedded"
            + " and runs in its own processes, so the RSS column (this JVM's peak resident set,"
            + " reset per phase) leaves it out. Heap: the most in use at any moment (garbage"
            + " included, simulators included) and the most still live after a collection.\n\n");
    b.append(
        "- **floor**: every page of the same tenant fetched and JSON-parsed with"
            + " `java.net.http` and Jackson, following the vendor's paging, nothing stored"
            + " (Cortex XDR paced at the tenant's 10 requests/s); read twice, the second read"
            + " timed (the first builds the simulator's sort indexes and warms the JIT);\n"
            + "- **full ingest**: the first sync through Sightline (connector, map, normalize,"
            + " correlate, lifecycle, enrich, score, store) on embedded PostgreSQL;\n"
            + "- **delta**: the given share of the findings changed through `/_sim/advance`, then"
            + " the connector's next run;\n"
            + "- **second sync under load**: a second connector of the same tenant syncs while"
            + " concurrent clients run issue 12's 20-query mix through `InventorySearch` (for"
            + " the whole sync, or its first `--load-seconds`, 180 by default, when longer; as the"
            + " API does, one pool of 10 connections shared with the sync); **idle**: the same mix"
            + " one query at a time, after `ANALYZE`.\n\n");
    b.append(
        "| vendor | phase | time s | records | records/s | heap MiB | live heap MiB | RSS MiB |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (VendorResult r : results) {
      String v = r.vendor() + String.format(Locale.ROOT, " (%,d hosts)", r.hosts());
      mdPhase(b, v, "floor", r.floor());
      mdPhase(b, v, "full ingest", r.full());
      mdPhase(
          b, v, String.format(Locale.ROOT, "delta (%,d findings changed)", r.changes()), r.delta());
      mdPhase(b, v, "second sync under load", r.loadSync());
    }
    b.append("\n| vendor | query mix | p50 ms | p95 ms | max ms | queries | errors |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (VendorResult r : results) {
      mdQuery(b, r.vendor(), "idle", r.idle().all());
      mdQuery(b, r.vendor(), r.clients() + " clients during a sync", r.load().all());
    }
    for (VendorResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "%n%s, per query (ms; idle, then %d clients during a sync):%n%n",
              r.vendor(),
              r.clients()));
      b.append("| query | idle p50 | idle p95 | load p50 | load p95 | load max | load errors |\n");
      b.append("|---|---:|---:|---:|---:|---:|---:|\n");
      r.idle()
          .byQuery()
          .forEach(
              (query, idle) -> {
                Latencies load = r.load().byQuery().get(query);
                b.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %d |%n",
                        query,
                        ms(idle, idle.p50()),
                        ms(idle, idle.p95()),
                        ms(load, load.p50()),
                        ms(load, load.p95()),
                        ms(load, load.max()),
                        load.errors()));
              });
    }
    b.append('\n');
    for (VendorResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "- %s: `%s`; delta time / full time: %.3f (target ≤ 0.05); full ingest %,.0f"
                  + " records/s against the floor's %,.0f%n",
              r.vendor(),
              ratioLine(r.ingestOverFloor()),
              r.deltaOverFull(),
              r.full().recordsPerSecond(),
              r.floor().recordsPerSecond()));
      r.fullBudget()
          .ifPresent(
              u ->
                  b.append("- ")
                      .append(r.vendor())
                      .append(": request budget in the full ingest (target ≥ 90 %): ")
                      .append(budget(u).replaceFirst("^(\\S+) calls", "`$1` calls"))
                      .append('\n'));
    }
    return b.toString();
  }

  /** A latency in ms, or "–" when no query of the set succeeded (every one failed). */
  private static String ms(Latencies l, double millis) {
    return l.queries() > l.errors() ? String.format(Locale.ROOT, "%.1f", millis) : "–";
  }

  private String date() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .format(at.atOffset(ZoneOffset.UTC));
  }

  private static void phaseRow(StringBuilder b, String name, PhaseFigures f) {
    b.append(
        String.format(
            Locale.ROOT,
            "  %-28s %9.1f %,11d %,10.0f %9d %9d %8d%n",
            name,
            f.seconds(),
            f.records(),
            f.recordsPerSecond(),
            f.peakHeapMiB(),
            f.liveHeapMiB(),
            f.peakRssMiB()));
  }

  private static void queryRow(StringBuilder b, String name, Latencies l) {
    b.append(
        String.format(
            Locale.ROOT,
            "  %-28s %9.1f %9.1f %9.1f %,9d %7d%n",
            name,
            l.p50(),
            l.p95(),
            l.max(),
            l.queries(),
            l.errors()));
  }

  private static void mdPhase(StringBuilder b, String vendor, String phase, PhaseFigures f) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %,d | %,.0f | %d | %d | %d |%n",
            vendor,
            phase,
            f.seconds(),
            f.records(),
            f.recordsPerSecond(),
            f.peakHeapMiB(),
            f.liveHeapMiB(),
            f.peakRssMiB()));
  }

  private static void mdQuery(StringBuilder b, String vendor, String mix, Latencies l) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %.1f | %.1f | %,d | %d |%n",
            vendor,
            mix,
            l.p50(),
            l.p95(),
            l.max(),
            l.queries(),
            l.errors()));
  }
}
