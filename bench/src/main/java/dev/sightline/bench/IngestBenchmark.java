package dev.sightline.bench;

import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunCounters;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.platform.views.InventoryQueries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingest throughput against the CrowdStrike simulator, in one run: (1) the connector alone,
 * fetching and parsing every page with no processing; (2) the full walk (map, upsert with
 * checkpoint per page on embedded PostgreSQL). The ratio of the two is what the platform costs;
 * absolute figures depend on the machine.
 */
public final class IngestBenchmark {

  /** The most vendor calls the simulator saw in any one second (the tenant's rate budget). */
  private static long busiestSecond(dev.sightline.simulators.server.RequestLog log) {
    List<java.time.Instant> times =
        log.entries().stream()
            .map(dev.sightline.simulators.server.RequestLog.Entry::at)
            .sorted()
            .toList();
    long most = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (java.time.Duration.between(times.get(start), times.get(end)).toMillis() >= 1000) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  public static void main(String[] args) throws Exception {
    int hosts = intArg(args, "--hosts", 5000);
    int pageSize = intArg(args, "--page-size", 1000);
    String vendor = stringArg(args, "--vendor", "crowdstrike");
    Clock clock = Clock.systemUTC();
    SimulatedTenant tenant = SimulatedTenant.start(vendor, hosts, pageSize);
    try (tenant;
        EmbeddedPostgres pg = BenchPostgres.start()) {
      long agents = tenant.assets();
      long vulns = tenant.findings();
      System.out.printf(
          "Tenant (%s): %,d hosts (%,d agents), %,d vulnerabilities; page size %d%n",
          vendor, hosts, agents, vulns, pageSize);
      PlatformConnectorContext context = new PlatformConnectorContext(clock, tenant.ssl());
      Map<String, String> auth = tenant.auth();

      long rawStart = System.nanoTime();
      long rawRecords =
          readOnly(
              ConnectorCatalog.discover().find(tenant.vendor()).orElseThrow(),
              new ConnectorConfig(auth),
              context,
              pageSize);
      double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

      Jdbc jdbc = new Jdbc(pg.getPostgresDatabase());
      Database.migrate(jdbc.dataSource());
      ConnectorService connectors =
          new ConnectorService(
              ConnectorCatalog.discover(),
              new ConnectorRepository(jdbc),
              new SecretCipher(new byte[32]),
              TargetPolicy.fromList("127.0.0.1"),
              clock);
      SyncService sync = new SyncService(connectors, jdbc, context, clock, pageSize);
      var id = connectors.register(new NewConnector(tenant.vendor(), "bench", "", auth, null)).id();
      long e2eStart = System.nanoTime();
      SyncRun run = sync.execute(sync.request(id).runId());
      double e2eSeconds = (System.nanoTime() - e2eStart) / 1e9;
      if (run.error().isPresent()) {
        throw new IllegalStateException("The benchmark run failed: " + run.error().get());
      }
      RunCounters c = run.counters();
      // Pages are committed with the clock's time, so the stored rows tell when each stream ended.
      java.time.Instant started = run.startedAt().orElseThrow();
      java.time.Instant hostsDone =
          jdbc.queryOne(
                  "SELECT max(created_at) FROM source_asset", rs -> rs.getTimestamp(1).toInstant())
              .orElseThrow();
      java.time.Instant findingsDone =
          jdbc.queryOne(
                  "SELECT max(created_at) FROM detection", rs -> rs.getTimestamp(1).toInstant())
              .orElseThrow();
      double hostSeconds = java.time.Duration.between(started, hostsDone).toMillis() / 1e3;
      double findingSeconds = java.time.Duration.between(hostsDone, findingsDone).toMillis() / 1e3;
      long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;

      System.out.printf(
          "Fetch + parse only : %,d records (findings counted one each)"
              + " in %.1f s = %,.0f records/s%n",
          rawRecords, rawSeconds, rawRecords / rawSeconds);
      System.out.printf(
          "End to end         : %,d records in %.1f s = %,.0f records/s%n",
          c.fetched(), e2eSeconds, c.fetched() / e2eSeconds);
      System.out.printf(
          "  hosts stream     : %,d hosts in %.1f s = %,.0f hosts/s%n",
          agents, hostSeconds, agents / hostSeconds);
      System.out.printf(
          "  findings stream  : %,d findings in %.1f s = %,.0f findings/s%n",
          vulns, findingSeconds, vulns / findingSeconds);
      System.out.printf(
          "Ratio end-to-end / fetch-only throughput: %.2f%n",
          (c.fetched() / e2eSeconds) / (rawRecords / rawSeconds));
      long assets = jdbc.queryOne("SELECT count(*) FROM asset", rs -> rs.getLong(1)).orElse(0L);
      long findings = jdbc.queryOne("SELECT count(*) FROM finding", rs -> rs.getLong(1)).orElse(0L);
      System.out.printf(
          "Stored: %,d source assets in %,d assets, %,d detections in %,d findings%n",
          agents, assets, vulns, findings);
      System.out.printf("Counters: %s; heap in use at the end: %d MiB (-Xmx1g)%n", c, heapMb);
      System.out.printf(
          "Vendor calls in both passes: %,d; the most in any one second: %d%n",
          tenant.requests().get().size(), busiestSecond(tenant.requests().get()));
      printStages(run, e2eSeconds, findings);
      printFullRescore(jdbc, clock, findings);
      printListings(jdbc);
    }
  }

  /** Where the run's time went, and what each stage costs per 100,000 findings. */
  private static void printStages(SyncRun run, double e2eSeconds, long findings) {
    System.out.println("Stages (ms; share of the run; ms per 100,000 findings):");
    run.stageMillis()
        .forEach(
            (stage, ms) ->
                System.out.printf(
                    "  %-10s %,9d ms  %5.1f%%  %,9.0f%n",
                    stage,
                    ms,
                    100.0 * ms / (e2eSeconds * 1000),
                    ms * 100_000.0 / Math.max(1, findings)));
  }

  /** Rescoring every asset, as after a change of weights: the scoring stage on its own. */
  private static void printFullRescore(Jdbc jdbc, java.time.Clock clock, long findings) {
    ScoringSettings settings =
        new ScoringSettings(jdbc, clock, new SeverityDefaults(ConnectorCatalog.discover()));
    settings.saveWeights(settings.weights());
    long start = System.nanoTime();
    ScoreRefresher.Outcome outcome = new ScoreRefresher(jdbc, settings, clock).drain();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Full rescore (every asset, as after a weights change): %,d assets,"
            + " %,d findings in %.1f s = %.1f s per 100,000 findings%n",
        outcome.assetsScored(), findings, seconds, seconds * 100_000 / Math.max(1, findings));
  }

  /** What the API's first page costs, by id and by stored score (best of three each). */
  private static void printListings(Jdbc jdbc) {
    InventoryQueries queries = new InventoryQueries(jdbc);
    InventoryQueries.Filter all = InventoryQueries.Filter.none();
    System.out.printf(
        "First page of 50 (best of 3): findings by id %d ms, by QDS %d ms;"
            + " assets by id %d ms, by risk %d ms%n",
        bestOfThree(() -> queries.findings(all, InventoryQueries.Sort.ID, 0, 50)),
        bestOfThree(() -> queries.findings(all, InventoryQueries.Sort.SCORE, 0, 50)),
        bestOfThree(() -> queries.assets(all, InventoryQueries.Sort.ID, 0, 50)),
        bestOfThree(() -> queries.assets(all, InventoryQueries.Sort.SCORE, 0, 50)));
  }

  private static long bestOfThree(Runnable query) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      query.run();
      best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
    }
    return best;
  }

  private static long readOnly(
      ConnectorFactory factory,
      ConnectorConfig config,
      PlatformConnectorContext context,
      int pageSize)
      throws InterruptedException {
    long records = 0;
    SyncRequest request = SyncRequest.everything().withPageSize(pageSize);
    try (Connector connector = factory.create(config, context)) {
      for (StreamSpec stream : connector.streams(request)) {
        try (StreamReader reader = connector.open(stream, request, Optional.empty())) {
          Optional<Page> page;
          while ((page = reader.next()).isPresent()) {
            // Count what the platform counts: findings carried as elements count one each.
            for (var record : page.get().records()) {
              records +=
                  stream.elements().map(e -> (long) record.path(e.field()).size()).orElse(1L);
            }
          }
        }
      }
    }
    return records;
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
