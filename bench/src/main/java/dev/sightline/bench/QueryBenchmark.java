package dev.sightline.bench;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.export.ExportEntity;
import dev.sightline.platform.export.InventoryExport;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SqlFilter;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query latency on a large inventory, in one run: both simulators synced through the real walk
 * (CrowdStrike {@code --hosts} machines, Cortex XDR a tenth of them, overlapping), then a fixed mix
 * of 20 listings and counts (the seeds' four, CIDR, ranges, nested, sorts by QDS and risk, deep
 * keyset pages, exact counts) timed {@code --runs} times each after a warm-up (p50, p95, max), an
 * export of every finding (rows/s and the heap while it streams), and what the query indexes cost a
 * full rescore (with and without them, on the same data).
 */
public final class QueryBenchmark {
  public static void main(String[] args) throws Exception {
    int hosts = intArg(args, "--hosts", 100_000);
    int runs = intArg(args, "--runs", 20);
    Clock clock = Clock.systemUTC();
    int cortexHosts = Math.max(10, hosts / 10);
    try (CrowdStrikeSimulator falcon =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts));
        CortexXdrSimulator cortex =
            CortexXdrSimulator.start(
                CortexXdrSimulatorOptions.defaults(cortexHosts)
                    .withOffset(hosts - cortexHosts / 2)
                    .withDailyQuotaUnits(1_000_000));
        EmbeddedPostgres pg = BenchPostgres.start()) {
      // Pooled, as the server's are: a new connection per query would time PostgreSQL's fork.
      com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
      pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      pool.setMaximumPoolSize(4);
      com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool);
      Jdbc jdbc = new Jdbc(dataSource);
      Database.migrate(jdbc.dataSource());
      ConnectorService connectors =
          new ConnectorService(
              ConnectorCatalog.discover(),
              new ConnectorRepository(jdbc),
              new SecretCipher(new byte[32]),
              TargetPolicy.fromList("127.0.0.1"),
              clock);
      long ingestStart = System.nanoTime();
      sync(
          jdbc,
          connectors,
          clock,
          new PlatformConnectorContext(clock, falcon.clientSslContext()),
          "crowdstrike",
          Map.of(
              "url", falcon.baseUrl().toString(),
              "clientId", "sim-client",
              "clientSecret", "sim-secret"));
      var o = cortex.options();
      sync(
          jdbc,
          connectors,
          clock,
          new PlatformConnectorContext(clock, cortex.clientSslContext()),
          "cortex-xdr",
          Map.of(
              "url", cortex.baseUrl().toString(),
              "apiKeyId", o.keyId(),
              "apiKey", o.key(),
              "securityLevel", o.security().wire()));
      jdbc.update("ANALYZE");
      long findings = count(jdbc, "SELECT count(*) FROM finding");
      long assets = count(jdbc, "SELECT count(*) FROM asset");
      System.out.printf(
          "Inventory: %,d assets, %,d findings, %,d detections (synced in %.0f s)%n",
          assets,
          findings,
          count(jdbc, "SELECT count(*) FROM detection"),
          (System.nanoTime() - ingestStart) / 1e9);

      InventorySearch search = QueryMix.search(jdbc, clock);
      List<QueryMix.Case> cases = QueryMix.cases(jdbc, search);

      if (runs == 0) {
        export(jdbc, search, List.of());
        export(
            jdbc, search, List.of("id", "hostName", "cveId", "qds", "state", "vendorProductNames"));
        return;
      }
      System.out.printf(
          "%nQueries (first page of 50 unless said; %d runs after a warm-up):%n", runs);
      System.out.println("| query | p50 ms | p95 ms | max ms | total |");
      System.out.println("|---|---|---|---|---|");
      for (QueryMix.Case c : cases) {
        Object first = c.run().get();
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          c.run().get();
          ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(
            "| %s | %d | %d | %d | %s |%n",
            c.name(),
            ms[runs / 2],
            ms[(int) Math.ceil(runs * 0.95) - 1],
            ms[runs - 1],
            QueryMix.total(first));
      }
      export(jdbc, search, List.of());
      export(
          jdbc, search, List.of("id", "hostName", "cveId", "qds", "state", "vendorProductNames"));
      indexWriteCost(jdbc, clock, findings);
    }
  }

  private static void sync(
      Jdbc jdbc,
      ConnectorService connectors,
      Clock clock,
      PlatformConnectorContext context,
      String type,
      Map<String, String> auth)
      throws InterruptedException {
    SyncService sync = new SyncService(connectors, jdbc, context, clock, 1000);
    var id = connectors.register(new NewConnector(type, "bench " + type, "", auth, null)).id();
    long start = System.nanoTime();
    SyncRun run = sync.execute(sync.request(id).runId());
    if (run.error().isPresent()) {
      throw new IllegalStateException("The " + type + " sync failed: " + run.error().get());
    }
    System.out.printf(
        "Synced %s: %,d records in %.0f s%n",
        type, run.counters().fetched(), (System.nanoTime() - start) / 1e9);
  }

  /** Every finding exported as it streams, into nothing: rows/s and the heap meanwhile. */
  private static void export(Jdbc jdbc, InventorySearch search, List<String> columns) {
    InventoryExport export = new InventoryExport(jdbc);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicLong bytes = new AtomicLong();
    SqlFilter all = search.filter(QueryEntity.FINDINGS, Optional.empty());
    long start = System.nanoTime();
    long rows =
        export.export(
            ExportEntity.FINDINGS,
            all.whereSql(),
            all.params(),
            columns,
            new InventoryExport.RowSink() {
              private long n;

              @Override
              public void header(List<String> columns) {}

              @Override
              public void row(List<Object> values) {
                bytes.addAndGet(values.toString().length());
                if (++n % 10_000 == 0) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
              }
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%nExport of every finding (%s): %,d rows in %.1f s = %,.0f rows/s;"
            + " heap before %d MiB, highest while streaming %d MiB (sampled every 10,000 rows)%n",
        columns.isEmpty() ? "default columns" : "columns " + String.join(",", columns),
        rows,
        seconds,
        rows / seconds,
        before >> 20,
        peak.get() >> 20);
  }

  /**
   * What the indexes added for queries (V17) cost the heaviest writer, a full rescore: timed with
   * them, then without them on the same data, with the share of heap-only updates each time.
   */
  private static void indexWriteCost(Jdbc jdbc, Clock clock, long findings) {
    double with = rescore(jdbc, clock);
    String hotWith = hot(jdbc);
    jdbc.update("DROP INDEX IF EXISTS finding_qds_id");
    jdbc.queryOne("SELECT pg_stat_reset()", rs -> 1);
    double without = rescore(jdbc, clock);
    String hotWithout = hot(jdbc);
    System.out.printf(
        "%nFull rescore of %,d findings: %.1f s with the QDS sort index (%s),"
            + " %.1f s without it (%s); ratio %.2f%n",
        findings, with, hotWith, without, hotWithout, with / without);
  }

  private static double rescore(Jdbc jdbc, Clock clock) {
    ScoringSettings settings =
        new ScoringSettings(jdbc, clock, new SeverityDefaults(ConnectorCatalog.discover()));
    jdbc.update("UPDATE finding SET qds = NULL"); // every score changes, as after new weights
    jdbc.queryOne("SELECT pg_stat_reset()", rs -> 1);
    settings.saveWeights(settings.weights());
    long start = System.nanoTime();
    new ScoreRefresher(jdbc, settings, clock).drain();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String hot(Jdbc jdbc) {
    return jdbc.queryOne(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'finding'",
            rs ->
                String.format(
                    "%,d updates, %.0f%% heap-only",
                    rs.getLong(1), 100.0 * rs.getLong(2) / Math.max(1, rs.getLong(1))))
        .orElse("no statistics");
  }

  private static long count(Jdbc jdbc, String sql) {
    return jdbc.queryOne(sql, rs -> rs.getLong(1)).orElse(0L);
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
