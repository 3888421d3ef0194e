package dev.sightline.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sightline.connector.testkit.memory.InMemoryConnectorFactory;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorState;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.connectors.StateChange;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.schedule.ScheduleInput;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunLease;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.RunTrigger;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one PostgreSQL, each with its own scheduler, share the work: a schedule's occurrence
 * fires on one node only, "Run now" goes through the same jobs, a run held by a node whose lease
 * expired is taken over, and one no node takes over is ended with the reason.
 */
@ExtendWith(PostgresExtension.class)
class ClusterSchedulerIT {
  private static final String MACHINES =
      """
      [{"id":"h1","name":"app-01","nics":[{"mac":"00:1b:a9:00:00:01","ip":"10.1.0.1"}]},
       {"id":"h2","name":"app-02","nics":[{"mac":"00:1b:a9:00:00:02","ip":"10.1.0.2"}]}]""";
  private static final String ISSUES =
      """
      [{"id":"a","host":"h1","title":"weak cipher","level":"grave","state":"seen"}]""";

  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final Clock clock = Clock.systemUTC();
  private final List<ClusterScheduler> nodes = new ArrayList<>();
  private ConnectorService connectors;

  ClusterSchedulerIT(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  @BeforeEach
  void clean() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    jdbc.update(
        "TRUNCATE qrtz_fired_triggers, qrtz_simple_triggers, qrtz_cron_triggers,"
            + " qrtz_simprop_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details,"
            + " qrtz_scheduler_state, qrtz_locks");
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList(""),
            clock);
  }

  @AfterEach
  void stop() {
    nodes.forEach(ClusterScheduler::close);
    nodes.clear();
  }

  private SyncService sync(String node) {
    return new SyncService(
        connectors,
        jdbc,
        new PlatformConnectorContext(clock, null),
        clock,
        100,
        new RunLease(node, Duration.ofSeconds(3)));
  }

  private ClusterScheduler node(String name) {
    ClusterScheduler s =
        new ClusterScheduler(
            dataSource,
            sync(name),
            connectors,
            clock,
            new SchedulerSettings(2, Duration.ofSeconds(1)));
    nodes.add(s);
    return s;
  }

  private UUID connector(ScheduleInput schedule) {
    return connectors
        .register(
            new NewConnector(
                InMemoryConnectorFactory.TYPE,
                "memory-" + UUID.randomUUID(),
                "",
                Map.of("machines", MACHINES, "issues", ISSUES),
                null,
                Map.of(),
                schedule))
        .id();
  }

  private List<SyncRun> runs(UUID connectorId) {
    return sync("reader").recentRuns(connectorId, 100);
  }

  @Test
  void shouldFireEachOccurrenceOnOneNodeOnly() {
    ClusterScheduler a = node("node-a");
    ClusterScheduler b = node("node-b");
    UUID id = connector(new ScheduleInput("CRON", "0/2 * * * * ?", "UTC", null));
    a.apply(id);
    b.apply(id); // both nodes apply the same schedule: still one trigger
    a.start();
    b.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runs(id).stream().filter(r -> r.state() == RunState.PROCESSED).count() >= 4);
    a.close();
    b.close();

    List<SyncRun> runs = runs(id);
    assertThat(runs)
        .allSatisfy(r -> assertThat(r.claim().trigger()).isEqualTo(RunTrigger.SCHEDULE));
    assertThat(runs.stream().map(r -> r.claim().scheduledFor().orElseThrow()).distinct())
        .as("one run per occurrence, whichever node fired it")
        .hasSameSizeAs(runs);
    assertThat(runs).allSatisfy(r -> assertThat(r.state()).isIn(RunState.PROCESSED));
  }

  @Test
  void shouldWalkAScheduledConnectorThroughItsStatesAndErrorAFailingOneWithTheFix() {
    ClusterScheduler a = node("node-a");
    UUID good = connector(new ScheduleInput("CRON", "0/2 * * * * ?", "UTC", null));
    UUID bad =
        connectors
            .register(
                new NewConnector(
                    InMemoryConnectorFactory.TYPE,
                    "broken-" + UUID.randomUUID(),
                    "",
                    Map.of(
                        "machines", "this is not JSON", "issues", "[]", "secret", "s3cr3t-value"),
                    null,
                    Map.of(),
                    new ScheduleInput("CRON", "1/2 * * * * ?", "UTC", null)))
            .id();
    a.apply(good);
    a.apply(bad);
    a.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> ended(good) && ended(bad));
    a.close();

    assertThat(firstStates(good))
        .containsExactly(
            ConnectorState.REGISTERED,
            ConnectorState.SCHEDULED,
            ConnectorState.PROCESSING,
            ConnectorState.PROCESSED);
    assertThat(firstStates(bad))
        .containsExactly(
            ConnectorState.REGISTERED,
            ConnectorState.SCHEDULED,
            ConnectorState.PROCESSING,
            ConnectorState.ERRORED);
    SyncRun failed = runs(bad).get(runs(bad).size() - 1);
    assertThat(failed.claim().trigger()).isEqualTo(RunTrigger.SCHEDULE);
    var errors =
        sync("reader").log(failed.runId()).stream().filter(l -> l.level().equals("ERROR")).toList();
    assertThat(errors).isNotEmpty();
    assertThat(errors).allSatisfy(l -> assertThat(l.fix()).isPresent());
    assertThat(sync("reader").log(failed.runId()).toString()).doesNotContain("s3cr3t-value");
  }

  private boolean ended(UUID connectorId) {
    return runs(connectorId).stream().anyMatch(r -> !r.state().active());
  }

  /** The connector's first four states, oldest first. */
  private List<ConnectorState> firstStates(UUID connectorId) {
    List<StateChange> history = new ArrayList<>(connectors.history(connectorId, 1000));
    java.util.Collections.reverse(history);
    return history.stream().limit(4).map(StateChange::state).toList();
  }

  @Test
  void shouldRunNowThroughTheSameJobsAndWalkTheStates() {
    ClusterScheduler a = node("node-a");
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", null));
    a.apply(id);
    assertThat(a.nextFire(id)).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
    a.start();

    SyncRun requested = a.runNow(id);
    assertThat(requested.state()).isEqualTo(RunState.SCHEDULED);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs(id).get(0).state() == RunState.PROCESSED);

    SyncRun run = runs(id).get(0);
    assertThat(run.claim().trigger()).isEqualTo(RunTrigger.MANUAL);
    assertThat(run.claim().owner()).contains("node-a");
    assertThat(run.claim().attempt()).isEqualTo(1);
    assertThat(connectors.history(id, 10))
        .extracting(StateChange::state)
        .containsExactly(
            ConnectorState.PROCESSED,
            ConnectorState.PROCESSING,
            ConnectorState.SCHEDULED,
            ConnectorState.REGISTERED);
    assertThat(sync("reader").log(run.runId()))
        .extracting(l -> l.message())
        .anyMatch(m -> m.startsWith("Run started (MANUAL, attempt 1, on node node-a)"))
        .anyMatch(m -> m.startsWith("Run processed"));
  }

  @Test
  void shouldTakeOverARunOnlyOnceItsOwnersLeaseHasExpired() throws Exception {
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", null));
    SyncService ghost = sync("ghost");
    SyncRun held = ghost.requestScheduled(id, Instant.now()).orElseThrow();
    SyncService b = sync("node-b");

    assertThat(b.takeOver(held.runId())).as("the ghost's lease is still live").isEmpty();
    assertThat(b.execute(held.runId()).state())
        .as("a run another node holds is left alone")
        .isEqualTo(RunState.PROCESSING);

    Thread.sleep(3_500); // the ghost stops renewing: its 3 s lease runs out
    SyncRun taken = b.takeOver(held.runId()).orElseThrow();
    assertThat(taken.claim().owner()).contains("node-b");
    assertThat(taken.claim().trigger()).isEqualTo(RunTrigger.RECOVERY);
    assertThat(taken.claim().attempt()).isEqualTo(2);
    SyncRun done = b.execute(held.runId());
    assertThat(done.state()).isEqualTo(RunState.PROCESSED);
    assertThat(done.counters().fetched()).isEqualTo(3);
  }

  @Test
  void shouldRescoreOnlyWhatTheRunTouchedLeavingTheRestOfTheQueueToTheBackground() {
    UUID a = connector(null);
    UUID b =
        connectors
            .register(
                new NewConnector(
                    InMemoryConnectorFactory.TYPE,
                    "other-" + UUID.randomUUID(),
                    "",
                    Map.of(
                        "machines",
                        """
                        [{"id":"z9","name":"db-09","nics":[{"mac":"00:1b:a9:00:00:99","ip":"10.9.0.9"}]}]""",
                        "issues",
                        "[]"),
                    null))
            .id();
    SyncService local = sync("node-a");
    local.execute(local.request(a).runId());
    local.execute(local.request(b).runId());
    jdbc.update("INSERT INTO asset_rescore (asset_id, queued_at) SELECT id, now() FROM asset");
    long queued =
        jdbc.queryOne("SELECT count(*) FROM asset_rescore", rs -> rs.getLong(1)).orElseThrow();

    SyncRun run = local.execute(local.request(a).runId());

    assertThat(run.counters().assetsScored()).isEqualTo(2);
    assertThat(jdbc.queryOne("SELECT count(*) FROM asset_rescore", rs -> rs.getLong(1)))
        .as("the other connector's queued asset waits for the background rescoring")
        .contains(queued - 2)
        .contains(1L);
  }

  @Test
  void shouldPutARunNoNodeTookOverBackInLineAndFinishItAsARecovery() {
    ClusterScheduler a = node("node-a");
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", null));
    a.apply(id);
    SyncRun held = sync("ghost").requestScheduled(id, Instant.now()).orElseThrow();
    jdbc.update(
        "UPDATE sync_run SET lease_until = ? WHERE id = ?",
        Instant.now().minus(Duration.ofMinutes(10)),
        held.runId());

    a.beat();
    SyncRun requeued = sync("reader").run(held.runId()).orElseThrow();
    assertThat(requeued.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(requeued.claim().trigger()).isEqualTo(RunTrigger.RECOVERY);
    a.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sync("reader").run(held.runId()).orElseThrow().state() == RunState.PROCESSED);
    SyncRun done = sync("reader").run(held.runId()).orElseThrow();
    assertThat(done.claim().owner()).contains("node-a");
    assertThat(done.claim().attempt()).isEqualTo(2);
    assertThat(done.counters().fetched()).isEqualTo(3);
  }

  @Test
  void shouldFireAnOccurrenceMissedWhileEveryNodeWasDownOnceLateAtTheNextStart() {
    ClusterScheduler a = node("node-a");
    java.time.LocalDateTime start =
        java.time.LocalDateTime.ofInstant(
                Instant.now().minus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", start.toString()));
    a.apply(id);
    a.close();
    nodes.clear();
    // The schedule was saved before its first occurrence, then every node was down when it came:
    // it lies about 5 minutes in the past now.
    long missed = start.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    jdbc.update(
        "UPDATE qrtz_triggers SET next_fire_time = ?, start_time = ? WHERE trigger_group = ?",
        missed,
        missed,
        "schedule");

    ClusterScheduler again = node("node-a2");
    again.apply(id); // a start applies every schedule again: unchanged, it keeps its trigger
    again.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> ended(id));
    List<SyncRun> runs = runs(id);
    assertThat(runs).hasSize(1);
    SyncRun late = runs.get(0);
    assertThat(late.claim().trigger()).isEqualTo(RunTrigger.SCHEDULE);
    assertThat(late.lateBy().orElseThrow()).isGreaterThan(Duration.ofMinutes(4));
    assertThat(sync("reader").log(late.runId()))
        .anyMatch(l -> l.level().equals("WARN") && l.message().contains("misfire"));
    assertThat(again.nextFire(id).orElseThrow()).isAfter(Instant.now());
  }

  @Test
  void shouldRunTheChoresAskedForAfterEveryRun() {
    ClusterScheduler a = node("node-a");
    AtomicInteger swept = new AtomicInteger();
    a.chore("count", "0 0 3 1 1 ? 2099", java.time.ZoneOffset.UTC, swept::incrementAndGet);
    a.afterEachRun("count");
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", null));
    a.apply(id);
    a.start();

    a.runNow(id);

    await().atMost(Duration.ofSeconds(30)).until(() -> swept.get() == 1);
  }

  @Test
  void shouldLeaveALiveRunAloneWhenSweeping() {
    ClusterScheduler a = node("node-a");
    UUID id = connector(new ScheduleInput("DAILY", null, "UTC", null));
    SyncRun held = sync("alive").requestScheduled(id, Instant.now()).orElseThrow();

    a.beat();

    SyncRun still = sync("reader").run(held.runId()).orElseThrow();
    assertThat(still.state()).isEqualTo(RunState.PROCESSING);
    assertThat(still.claim().owner()).contains("alive");
  }
}
