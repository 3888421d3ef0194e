package dev.sightline.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sync walk on real PostgreSQL against the CrowdStrike simulator, without the web layer. */
@ExtendWith(PostgresExtension.class)
class SyncServiceIT {
  private final Jdbc jdbc;
  private CrowdStrikeSimulator sim;
  private ConnectorService connectors;
  private SyncService sync;
  private InventoryQueries inventory;

  SyncServiceIT(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(120));
    Clock clock = Clock.systemUTC();
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList("127.0.0.1"),
            clock);
    sync =
        new SyncService(
            connectors,
            jdbc,
            new PlatformConnectorContext(clock, sim.clientSslContext()),
            clock,
            100);
    inventory = new InventoryQueries(jdbc);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private UUID register(String name) {
    return connectors
        .register(
            new NewConnector(
                "crowdstrike",
                name,
                "",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret"),
                null))
        .id();
  }

  private long assets() {
    return inventory.assets(InventoryQueries.Filter.none(), 0, 1).total();
  }

  private long sourceRecords() {
    return jdbc.queryOne("SELECT count(*) FROM source_asset", rs -> rs.getLong(1)).orElseThrow();
  }

  private long findings() {
    return inventory.findings(InventoryQueries.Filter.none(), 0, 1).total();
  }

  @Test
  void shouldStoreEveryRecordOnceAndCountWhatItDid() {
    UUID id = register("falcon");
    SyncRun run = sync.execute(sync.request(id).runId());

    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
    long unmanaged = sim.manifest().path("unmanagedAssets").asLong();
    long agents = sim.manifest().path("agents").asLong() + unmanaged;
    long vulns = sim.manifest().path("vulnerabilities").asLong();
    assertThat(assets()).isEqualTo(sim.manifest().path("hosts").asLong() + unmanaged);
    assertThat(sourceRecords()).isEqualTo(agents);
    assertThat(findings()).isEqualTo(vulns);
    RunCounters c = run.counters();
    assertThat(c.fetched()).isEqualTo(agents + vulns);
    assertThat(c.created()).isEqualTo(agents + vulns);
    assertThat(c.fetched()).isEqualTo(c.created() + c.updated() + c.unchanged() + c.rejected());
  }

  @Test
  void shouldLinkEveryFindingToItsAsset() {
    sync.execute(sync.request(register("falcon")).runId());
    long orphans =
        jdbc.queryOne(
                "SELECT count(*) FROM detection WHERE source_asset_id IS NULL", rs -> rs.getLong(1))
            .orElseThrow();
    assertThat(orphans).isZero();
  }

  @Test
  void shouldCreateNothingWhenRunAgain() {
    UUID id = register("falcon");
    sync.execute(sync.request(id).runId());
    SyncRun second = sync.execute(sync.request(id).runId());
    assertThat(second.state()).isEqualTo(RunState.PROCESSED);
    assertThat(second.counters().created()).isZero();
    assertThat(second.fullSync()).contains(false);
    assertThat(findings()).isEqualTo(sim.manifest().path("vulnerabilities").asLong());
  }

  @Test
  void shouldScoreFindingsAsItWritesThemSoThatRescoringChangesNothing() {
    UUID id = register("falcon");
    SyncRun full = sync.execute(sync.request(id).runId());
    assertThat(full.state()).as(full.error().orElse("")).isEqualTo(RunState.PROCESSED);
    long assets = assets();
    assertThat(full.counters().assetsScored()).isEqualTo(assets);
    assertStoredScoresAreWhatScoringComputes();

    sim.advance(25); // new, changed and closed vulnerabilities: created, fixed, rescored findings
    SyncRun delta = sync.execute(sync.request(id).runId());
    assertThat(delta.state()).as(delta.error().orElse("")).isEqualTo(RunState.PROCESSED);
    assertThat(delta.counters().assetsScored()).isPositive().isLessThan(assets);
    assertStoredScoresAreWhatScoringComputes();
  }

  /** Every finding has a score, nothing waits in the queue, and scoring again changes nothing. */
  private void assertStoredScoresAreWhatScoringComputes() {
    assertThat(
            jdbc.queryOne(
                    "SELECT count(*) FROM finding WHERE qds IS NULL OR qds_band IS NULL"
                        + " OR qds_method IS NULL",
                    rs -> rs.getLong(1))
                .orElseThrow())
        .isZero();
    assertThat(
            jdbc.queryOne(
                    "SELECT count(*) FROM asset WHERE risk_score IS NULL", rs -> rs.getLong(1))
                .orElseThrow())
        .isZero();
    assertThat(RescoreQueue.pending(jdbc)).isZero();
    Clock clock = Clock.systemUTC();
    ScoreRefresher refresher =
        new ScoreRefresher(
            jdbc,
            new ScoringSettings(jdbc, clock, new SeverityDefaults(ConnectorCatalog.discover())),
            clock);
    ScoreRefresher.Outcome again =
        refresher.rescore(jdbc.query("SELECT id FROM asset ORDER BY id", rs -> rs.getLong(1)));
    assertThat(again.assetsScored()).isEqualTo(assets());
    assertThat(again.findingsChanged()).isZero();
    assertThat(again.assetsChanged()).isZero();
  }

  @Test
  void shouldFetchOnlyChangedVulnerabilitiesInADelta() {
    UUID id = register("falcon");
    SyncRun full = sync.execute(sync.request(id).runId());
    assertThat(full.state()).as(full.error().orElse("")).isEqualTo(RunState.PROCESSED);
    long before = findings();
    sim.advance(15);
    SyncRun delta = sync.execute(sync.request(id).runId());
    assertThat(delta.state()).isEqualTo(RunState.PROCESSED);
    long vulns = sim.manifest().path("vulnerabilities").asLong();
    assertThat(findings()).isEqualTo(vulns);
    assertThat(delta.counters().created()).isEqualTo(vulns - before);
    assertThat(delta.counters().fetched())
        .isLessThanOrEqualTo(
            15
                + sim.manifest().path("agents").asLong()
                + sim.manifest().path("unmanagedAssets").asLong());
  }

  @Test
  void shouldResumeAnInterruptedRunWithoutLosingOrRepeatingRecords() throws Exception {
    UUID id = register("falcon");
    sim.faults().slowNext(1_000, Duration.ofMillis(30));
    UUID runId = sync.request(id).runId();
    Thread worker = new Thread(() -> sync.execute(runId));
    worker.start();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> sync.run(runId).orElseThrow().counters().pages() >= 4);
    worker.interrupt();
    worker.join(30_000);
    SyncRun interrupted = sync.run(runId).orElseThrow();
    assertThat(interrupted.state()).isEqualTo(RunState.ERRORED);
    assertThat(interrupted.error())
        .get()
        .asString()
        .contains("resumes from the last committed page");
    long committed = interrupted.counters().fetched();
    sim.faults().clear();

    SyncRun resumed = sync.execute(sync.request(id).runId());

    long total =
        sim.manifest().path("agents").asLong()
            + sim.manifest().path("unmanagedAssets").asLong()
            + sim.manifest().path("vulnerabilities").asLong();
    assertThat(resumed.state()).isEqualTo(RunState.PROCESSED);
    assertThat(resumed.counters().created() + interrupted.counters().created()).isEqualTo(total);
    assertThat(committed).isPositive().isLessThan(total);
    assertThat(sourceRecords() + findings()).isEqualTo(total);
  }

  @Test
  void shouldRefuseASecondRunWhileOneIsWaitingOrInProgress() {
    UUID id = register("falcon");
    sync.request(id);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.request(id))
        .hasMessageContaining("already scheduled or in progress");
    assertThat(sync.requestScheduled(id, java.time.Instant.now())).isEmpty();
  }

  @Test
  void shouldNotReadAgainAStreamTheRunFinishedBeforeItWasTakenOver() throws Exception {
    UUID id = register("falcon");
    Clock clock = Clock.systemUTC();
    SyncService nodeA =
        new SyncService(
            connectors,
            jdbc,
            new PlatformConnectorContext(clock, sim.clientSslContext()),
            clock,
            100,
            new RunLease("node-a", Duration.ofSeconds(1)));
    SyncService nodeB =
        new SyncService(
            connectors,
            jdbc,
            new PlatformConnectorContext(clock, sim.clientSslContext()),
            clock,
            100,
            new RunLease("node-b", Duration.ofSeconds(1)));
    sim.faults().slowNext(1_000, Duration.ofMillis(30));
    UUID runId = nodeA.request(id).runId();
    Thread worker = new Thread(() -> nodeA.execute(runId));
    worker.start();
    // node A stops once the hosts stream is read to its end and findings are being read
    await().atMost(Duration.ofMinutes(1)).until(() -> "vulnerabilities".equals(streamOf(runId)));
    nodeA.stopping();
    worker.interrupt();
    worker.join(30_000);
    sim.faults().clear();
    long hostCallsBefore = hostCalls();
    TimeUnit.MILLISECONDS.sleep(1_500);

    SyncRun done = nodeB.execute(nodeB.takeOver(runId).orElseThrow().runId());

    long agents =
        sim.manifest().path("agents").asLong() + sim.manifest().path("unmanagedAssets").asLong();
    assertThat(done.state()).isEqualTo(RunState.PROCESSED);
    assertThat(hostCalls()).as("calls for hosts after the take-over").isEqualTo(hostCallsBefore);
    assertThat(done.counters().streams().get("hosts").fetched()).isEqualTo(agents);
    assertThat(done.fullSync()).contains(true);
    assertThat(sourceRecords()).isEqualTo(agents);
  }

  private String streamOf(UUID runId) {
    return jdbc.queryOne(
            "SELECT coalesce(stream, '') FROM sync_run WHERE id = ?", rs -> rs.getString(1), runId)
        .orElse(null);
  }

  private long hostCalls() {
    return sim.requests().entries().stream()
        .filter(e -> e.path().contains("/devices/") || e.path().contains("/discover/"))
        .count();
  }
}
