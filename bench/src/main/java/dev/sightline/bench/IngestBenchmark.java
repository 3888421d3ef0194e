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
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunCounters;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Ingest throughput against the CrowdStrike simulator, in one run: (1) the connector alone,
 * fetching and parsing every page with no processing; (2) the full walk (map, upsert with
 * checkpoint per page on embedded PostgreSQL). The ratio of the two is what the platform costs;
 * absolute figures depend on the machine.
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    int hosts = intArg(args, "--hosts", 5000);
    int pageSize = intArg(args, "--page-size", 1000);
    Clock clock = Clock.systemUTC();
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts));
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      long agents = sim.manifest().path("agents").asLong();
      long vulns = sim.manifest().path("vulnerabilities").asLong();
      System.out.printf("Tenant: %,d hosts (%,d agents), %,d vulnerabilities; page size %d%n",
          hosts, agents, vulns, pageSize);
      PlatformConnectorContext context = new PlatformConnectorContext(clock, sim.clientSslContext());
      Map<String, String> auth = Map.of("url", sim.baseUrl().toString(), "clientId", "sim-client",
          "clientSecret", "sim-secret");

      long rawStart = System.nanoTime();
      long rawRecords = readOnly(ConnectorCatalog.discover().find("crowdstrike").orElseThrow(),
          new ConnectorConfig(auth), context, pageSize);
      double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

      Jdbc jdbc = new Jdbc(pg.getPostgresDatabase());
      Database.migrate(jdbc.dataSource());
      ConnectorService connectors = new ConnectorService(ConnectorCatalog.discover(),
          new ConnectorRepository(jdbc), new SecretCipher(new byte[32]),
          TargetPolicy.fromList("127.0.0.1"), clock);
      SyncService sync = new SyncService(connectors, jdbc, context, clock, pageSize);
      var id = connectors.register(new NewConnector("crowdstrike", "bench", "", auth, null)).id();
      long e2eStart = System.nanoTime();
      SyncRun run = sync.execute(sync.request(id).runId());
      double e2eSeconds = (System.nanoTime() - e2eStart) / 1e9;
      if (run.error().isPresent()) {
        throw new IllegalStateException("The benchmark run failed: " + run.error().get());
      }
      RunCounters c = run.counters();
      // Pages are committed with the clock's time, so the stored rows tell when each stream ended.
      java.time.Instant started = run.startedAt().orElseThrow();
      java.time.Instant hostsDone = jdbc.queryOne("SELECT max(created_at) FROM asset",
          rs -> rs.getTimestamp(1).toInstant()).orElseThrow();
      java.time.Instant findingsDone = jdbc.queryOne("SELECT max(created_at) FROM finding",
          rs -> rs.getTimestamp(1).toInstant()).orElseThrow();
      double hostSeconds = java.time.Duration.between(started, hostsDone).toMillis() / 1e3;
      double findingSeconds = java.time.Duration.between(hostsDone, findingsDone).toMillis() / 1e3;
      long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;

      System.out.printf("Fetch + parse only : %,d records in %.1f s = %,.0f records/s%n",
          rawRecords, rawSeconds, rawRecords / rawSeconds);
      System.out.printf("End to end         : %,d records in %.1f s = %,.0f records/s%n",
          c.fetched(), e2eSeconds, c.fetched() / e2eSeconds);
      System.out.printf("  hosts stream     : %,d hosts in %.1f s = %,.0f hosts/s%n",
          agents, hostSeconds, agents / hostSeconds);
      System.out.printf("  findings stream  : %,d findings in %.1f s = %,.0f findings/s%n",
          vulns, findingSeconds, vulns / findingSeconds);
      System.out.printf("Ratio end-to-end / fetch-only throughput: %.2f%n",
          (c.fetched() / e2eSeconds) / (rawRecords / rawSeconds));
      System.out.printf("Counters: %s; heap in use at the end: %d MiB (-Xmx1g)%n", c, heapMb);
    }
  }

  private static long readOnly(ConnectorFactory factory, ConnectorConfig config,
      PlatformConnectorContext context, int pageSize) throws InterruptedException {
    long records = 0;
    SyncRequest request = SyncRequest.everything().withPageSize(pageSize);
    try (Connector connector = factory.create(config, context)) {
      for (StreamSpec stream : connector.streams(request)) {
        try (StreamReader reader = connector.open(stream, request, Optional.empty())) {
          Optional<Page> page;
          while ((page = reader.next()).isPresent()) {
            records += page.get().records().size();
          }
        }
      }
    }
    return records;
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
