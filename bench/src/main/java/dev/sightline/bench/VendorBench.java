package dev.sightline.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One vendor's run of {@code ./sightline bench}, on a fresh simulated tenant and a fresh embedded
 * PostgreSQL: the floor, the full ingest, the query mix idle, a delta after 1 % of the findings
 * changed, and the query mix from concurrent clients while a second sync runs. Every phase is
 * measured by the same {@link PhaseMeter}.
 */
final class VendorBench {
  /** The server's pool size ({@code DatabaseBootstrap}): the clients and the sync share it. */
  private static final int POOL_SIZE = 10;

  private final BenchOptions options;
  private final PrintStream log;
  private final Clock clock = Clock.systemUTC();

  VendorBench(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  VendorResult run(String vendor) throws Exception {
    int hosts = options.hostsOf(vendor);
    log.printf("%n== %s, %,d hosts ==%n", vendor, hosts);
    try (SimulatedTenant tenant = SimulatedTenant.start(vendor, hosts, options.pageSize());
        EmbeddedPostgres pg = BenchPostgres.start();
        HikariDataSource pool = pool(pg);
        PhaseMeter meter = new PhaseMeter()) {
      log.printf("Tenant: %,d asset records, %,d findings%n", tenant.assets(), tenant.findings());
      Jdbc jdbc = new Jdbc(pool);
      Database.migrate(jdbc.dataSource());
      ConnectorService connectors =
          new ConnectorService(
              ConnectorCatalog.discover(),
              new ConnectorRepository(jdbc),
              new SecretCipher(new byte[32]),
              TargetPolicy.fromList("127.0.0.1"),
              clock);
      SyncService sync =
          new SyncService(
              connectors,
              jdbc,
              new PlatformConnectorContext(clock, tenant.ssl()),
              clock,
              options.pageSize());

      // The first read builds the simulator's sort indexes and warms the JIT: timing it would
      // charge the floor with the simulator's start-up, so the second read is the floor.
      tenant.floor().get().readAll();
      PhaseFigures floor = meter.measure(() -> tenant.floor().get().readAll(), n -> n).figures();
      log.printf("floor       %s%n", line(floor));

      UUID connector = register(connectors, tenant, "bench");
      Instant fullStarted = clock.instant();
      PhaseFigures full = meter.measure(() -> runSync(sync, connector), this::fetched).figures();
      Optional<BudgetUse> fullBudget = tenant.budgetUse(fullStarted, clock.instant());
      log.printf("full ingest %s%n", line(full));
      fullBudget.ifPresent(b -> log.printf("budget      %s%n", Report.budget(b)));
      log.printf(
          "database    %,d MiB after the full ingest (pg_database_size)%n",
          jdbc.queryOne("SELECT pg_database_size(current_database())", rs -> rs.getLong(1) >> 20)
              .orElseThrow());

      jdbc.update("ANALYZE"); // as autovacuum would have by the time anyone queries
      QueryLoad queries = new QueryLoad(QueryMix.cases(jdbc, QueryMix.search(jdbc, clock)));
      MixLatencies idle = queries.idle(options.runs());
      log.printf("query idle  %s%n", Report.latencies(idle.all()));

      int changes = (int) Math.max(1, Math.round(tenant.findings() * options.deltaPercent() / 100));
      tenant.advance(changes);
      PhaseFigures delta = meter.measure(() -> runSync(sync, connector), this::fetched).figures();
      log.printf("delta       %s (%,d findings changed)%n", line(delta), changes);

      UUID second = register(connectors, tenant, "bench under load");
      AtomicBoolean syncDone = new AtomicBoolean();
      long loadEnds = System.nanoTime() + options.loadSeconds() * 1_000_000_000L;
      AtomicReference<MixLatencies> load = new AtomicReference<>();
      PhaseFigures loadSync =
          meter
              .measure(
                  () -> {
                    Thread clients =
                        new Thread(
                            () -> {
                              try {
                                load.set(
                                    queries.concurrent(
                                        options.clients(),
                                        () -> syncDone.get() || System.nanoTime() > loadEnds));
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                            },
                            "bench-clients");
                    clients.start();
                    try {
                      return runSync(sync, second);
                    } finally {
                      syncDone.set(true);
                      clients.join();
                    }
                  },
                  this::fetched)
              .figures();
      log.printf("sync + load %s%n", line(loadSync));
      log.printf(
          "query load  %s (%d clients, during at most the first %d s of the sync)%n",
          Report.latencies(load.get().all()), options.clients(), options.loadSeconds());
      return new VendorResult(
          vendor,
          hosts,
          tenant.assets(),
          tenant.findings(),
          floor,
          full,
          fullBudget,
          changes,
          delta,
          idle,
          loadSync,
          options.clients(),
          load.get());
    }
  }

  private static HikariDataSource pool(EmbeddedPostgres pg) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(POOL_SIZE);
    return new HikariDataSource(config);
  }

  private static UUID register(ConnectorService connectors, SimulatedTenant tenant, String name) {
    return connectors
        .register(new NewConnector(tenant.vendor(), name, "", tenant.auth(), null))
        .id();
  }

  /** Runs one sync of {@code connector} to its end; a failed run fails the benchmark. */
  private static SyncRun runSync(SyncService sync, UUID connector) {
    SyncRun run = sync.execute(sync.request(connector).runId());
    if (run.error().isPresent()) {
      throw new IllegalStateException("a benchmark sync failed: " + run.error().get());
    }
    return run;
  }

  private long fetched(SyncRun run) {
    return run.counters().fetched();
  }

  private static String line(PhaseFigures f) {
    return String.format(
        java.util.Locale.ROOT,
        "%8.1f s  %,10d records  %,9.0f records/s  heap peak %4d MiB (live %4d)  RSS peak %5d MiB",
        f.seconds(),
        f.records(),
        f.recordsPerSecond(),
        f.peakHeapMiB(),
        f.liveHeapMiB(),
        f.peakRssMiB());
  }
}
