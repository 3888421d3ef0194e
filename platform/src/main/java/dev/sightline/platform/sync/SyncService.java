package dev.sightline.platform.sync;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorState;
import dev.sightline.platform.connectors.StoredConnector;
import dev.sightline.platform.connectors.TransformMaps;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.ingest.PageMapper;
import dev.sightline.platform.ingest.StreamTally;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoresAsWritten;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one sync: opens the connector with decrypted credentials, reads each stream page by page,
 * maps the page and commits it with its checkpoint, then records the outcome. A failed run keeps
 * every committed page; the next run resumes from the last checkpoint.
 */
public final class SyncService {
  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final ConnectorService connectors;
  private final RunRepository runs;
  private final CheckpointRepository checkpoints;
  private final PageCommitter committer;
  private final Jdbc jdbc;
  private final ConnectorContext context;
  private final FindingLifecycle lifecycle;
  private final ScoreRefresher refresher;
  private final Clock clock;
  private final TransformMaps transformMaps;
  private final int pageSize;
  private final RunLease lease;
  private final RunLog log;
  private final java.util.concurrent.atomic.AtomicBoolean stopping =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** A service whose runs are claimed by one node, "local", with a one-minute lease. */
  public SyncService(
      ConnectorService connectors, Jdbc jdbc, ConnectorContext context, Clock clock, int pageSize) {
    this(connectors, jdbc, context, clock, pageSize, RunLease.local());
  }

  public SyncService(
      ConnectorService connectors,
      Jdbc jdbc,
      ConnectorContext context,
      Clock clock,
      int pageSize,
      RunLease lease) {
    this.lease = lease;
    this.log = new RunLog(jdbc, clock);
    this.connectors = connectors;
    this.jdbc = jdbc;
    this.runs = new RunRepository(jdbc);
    this.checkpoints = new CheckpointRepository(jdbc);
    this.committer = new PageCommitter(jdbc, new InventoryWriter(), new AssetCorrelator(), clock);
    ScoringSettings scoring =
        new ScoringSettings(jdbc, clock, new SeverityDefaults(connectors.catalog()));
    this.refresher = new ScoreRefresher(jdbc, scoring, clock);
    // A run's findings are scored as the lifecycle writes them, each row written once.
    this.lifecycle = new FindingLifecycle(new ScoresAsWritten(scoring));
    this.context = context;
    this.clock = clock;
    this.transformMaps = new TransformMaps(connectors, jdbc, clock);
    this.pageSize = pageSize;
  }

  public RunRepository runs() {
    return runs;
  }

  /**
   * This node is stopping: a run interrupted from now on is left to another node (or to this one
   * when it starts again) instead of ending ERRORED; it resumes from its last committed page once
   * its lease has expired.
   */
  public void stopping() {
    stopping.set(true);
  }

  /** The node this service claims runs for, and its lease. */
  public RunLease lease() {
    return lease;
  }

  /** A run's own log, line by line; an unknown run is a not-found error. */
  public List<RunLog.Line> log(UUID runId) {
    if (runs.find(runId).isEmpty()) {
      throw new NotFoundException("No run has id " + runId);
    }
    return log.lines(runId);
  }

  public Optional<SyncRun> run(UUID runId) {
    return runs.find(runId);
  }

  /** What a run could not store, each with its reasons (the first 1,000 of a run). */
  public List<KeptRejection> rejections(UUID runId) {
    if (runs.find(runId).isEmpty()) {
      throw new NotFoundException("No run has id " + runId);
    }
    return runs.rejections(runId);
  }

  /** The connector's latest run, as a summary (no per-stream figures); one query. */
  public Optional<SyncRun> latestRun(UUID connectorId) {
    return runs.latest(connectorId);
  }

  /** The connector's latest runs, newest first; an unknown connector is a not-found error. */
  public java.util.List<SyncRun> recentRuns(UUID connectorId, int limit) {
    connectors.stored(connectorId);
    return runs.forConnector(connectorId, limit);
  }

  /** Records a requested run ("Run now"), SCHEDULED until a worker claims it. */
  public SyncRun request(UUID connectorId) {
    return request(connectorId, RunTrigger.MANUAL);
  }

  /** Records a requested run, SCHEDULED until a worker claims it; the connector says so. */
  public SyncRun request(UUID connectorId, RunTrigger trigger) {
    StoredConnector connector = connectors.stored(connectorId);
    SyncRun run = runs.create(connector.id(), trigger, clock.instant());
    connectors.updateState(
        connectorId, ConnectorState.SCHEDULED, run.runId(), trigger.name() + " run requested");
    return run;
  }

  /**
   * Records and claims the run of a schedule's occurrence for this node; empty when a run of the
   * connector is already waiting or in progress (it covers the occurrence).
   */
  public Optional<SyncRun> requestScheduled(UUID connectorId, Instant scheduledFor) {
    Instant now = clock.instant();
    try {
      SyncRun run =
          runs.createClaimed(connectorId, scheduledFor, lease.node(), lease.until(now), now);
      connectors.updateState(
          connectorId,
          ConnectorState.SCHEDULED,
          run.runId(),
          "the occurrence of " + scheduledFor + " is due");
      return Optional.of(run);
    } catch (dev.sightline.platform.errors.ConflictException e) {
      LOG.info(
          "The occurrence of {} for connector {} is covered by the run already in flight",
          scheduledFor,
          connectorId);
      return Optional.empty();
    }
  }

  /**
   * Takes over a run whose node stopped renewing its lease, for this node: empty when there is no
   * such run, or its owner's lease has not expired (it is alive).
   */
  public Optional<SyncRun> takeOver(UUID runId) {
    Instant now = clock.instant();
    return runs.takeOver(runId, lease.node(), lease.until(now), now)
        ? runs.find(runId)
        : Optional.empty();
  }

  /**
   * Does the work of a run on the calling thread, claiming it for this node when it is still
   * waiting; a run another node holds, or one that has ended, is left alone. Never throws.
   */
  public SyncRun execute(UUID runId) {
    SyncRun requested = runs.find(runId).orElseThrow();
    if (requested.state() == RunState.SCHEDULED) {
      Instant now = clock.instant();
      if (!runs.claim(runId, lease.node(), lease.until(now), now)) {
        return runs.find(runId).orElseThrow();
      }
    } else if (requested.state() != RunState.PROCESSING
        || !requested.claim().owner().orElse("").equals(lease.node())) {
      return requested;
    }
    SyncRun run = runs.find(runId).orElseThrow();
    StageClock stages = new StageClock();
    MDC.put("run", runId.toString());
    MDC.put("connector", run.connectorId().toString());
    StoredConnector stored = connectors.stored(run.connectorId());
    RunLog.Journal journal = log.open(runId, run.connectorId(), connectors.secretsOf(stored));
    try {
      connectors.updateState(run.connectorId(), ConnectorState.PROCESSING, runId, startWords(run));
      journal.info(null, startWords(run));
      run.lateBy()
          .filter(late -> late.toSeconds() >= 60)
          .ifPresent(
              late ->
                  journal.warn(
                      null,
                      "Started "
                          + late.toSeconds()
                          + " s after its scheduled time "
                          + run.claim().scheduledFor().orElseThrow()
                          + " (a misfire: no worker was free, or every node was down); it runs"
                          + " once now and the schedule goes on"));
      runs.findingsState(
          runId,
          stored.dataScope() == dev.sightline.connector.SyncRequest.DataScope.ASSETS
              ? FindingsState.NOT_REQUESTED
              : FindingsState.PENDING);
      readAll(run, stages, journal);
      FindingLifecycle.Outcome findings =
          stages.time(
              RunStage.LIFECYCLE,
              () ->
                  jdbc.inTransaction(
                      c -> {
                        InventoryLock.hold(c);
                        InventoryWriter.linkOrphanDetections(c, run.connectorId());
                        FindingLifecycle.Outcome f =
                            lifecycle.apply(c, run.connectorId(), runId, clock.instant());
                        RunRepository.findings(
                            c, runId, f.created(), f.fixed(), f.reopened(), f.unchanged());
                        return f;
                      }));
      // What is still queued for this connector's assets (a merge, a decision since): the
      // findings the run wrote were scored as they were written.
      ScoreRefresher.Outcome scored =
          stages.time(RunStage.SCORE, () -> rescore(run.connectorId(), journal));
      runs.scoredAndTimed(runId, findings.assetsScored() + scored.assetsScored(), stages.millis());
      runs.finished(runId, RunState.PROCESSED, Optional.empty(), clock.instant());
      connectors.updateState(run.connectorId(), ConnectorState.PROCESSED, runId, "run processed");
      SyncRun done = runs.find(runId).orElseThrow();
      journal.info(
          null,
          "Run processed: fetched "
              + done.counters().fetched()
              + ", created "
              + done.counters().created()
              + ", updated "
              + done.counters().updated()
              + ", unchanged "
              + done.counters().unchanged()
              + ", rejected "
              + done.counters().rejected()
              + "; findings new "
              + done.counters().findingsNew()
              + ", fixed "
              + done.counters().findingsFixed()
              + ", reopened "
              + done.counters().findingsReopened());
    } catch (InterruptedException e) {
      if (stopping.get()) {
        handOver(run, journal);
      } else {
        fail(run, e, stages, journal);
      }
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      fail(run, e, stages, journal);
    } finally {
      MDC.remove("run");
      MDC.remove("connector");
      MDC.remove("stream");
    }
    return runs.find(runId).orElseThrow();
  }

  private static String startWords(SyncRun run) {
    return "Run started ("
        + run.claim().trigger()
        + ", attempt "
        + run.claim().attempt()
        + ", on node "
        + run.claim().owner().orElse("?")
        + ")";
  }

  /**
   * Rescores what the run touched (the queued assets of this connector), logging progress on long
   * work; the rest of the queue is the background rescoring's, so a run never waits on it.
   */
  private ScoreRefresher.Outcome rescore(UUID connectorId, RunLog.Journal journal) {
    long queued = RescoreQueue.pending(jdbc);
    journal.info(null, "Rescoring this connector's queued assets (" + queued + " queued in all)");
    long[] nextReport = {10_000};
    ScoreRefresher.Outcome outcome =
        refresher.drainConnector(
            connectorId,
            done -> {
              if (done >= nextReport[0]) {
                LOG.info("Rescored {} of about {} asset(s)", done, queued);
                nextReport[0] += 10_000;
              }
            });
    journal.info(
        null,
        "Rescored "
            + outcome.assetsScored()
            + " asset(s): "
            + outcome.assetsChanged()
            + " risk score(s) and "
            + outcome.findingsChanged()
            + " finding score(s) changed");
    return outcome;
  }

  private void readAll(SyncRun run, StageClock stages, RunLog.Journal journal)
      throws InterruptedException {
    StoredConnector stored = connectors.stored(run.connectorId());
    connectors.checkTarget(stored);
    ConnectorDescriptor descriptor = connectors.descriptorOf(stored);
    List<TransformMap> maps =
        transformMaps.active(run.connectorId()).stream().map(TransformMaps.ActiveMap::map).toList();
    SyncRequest request =
        new SyncRequest(
            stored.dataScope(),
            stored.scope().sourceFetchFrom(),
            false,
            pageSize,
            stored.filters(),
            stored.scope().sourceSampling());
    try (Connector connector =
        connectors.factoryFor(stored.type()).create(connectors.configOf(stored), context)) {
      for (StreamSpec stream : connector.streams(request)) {
        TransformMap assetMap = mapFor(maps, RecordKind.ASSET, stream);
        readStream(
            run,
            connector,
            stream,
            request,
            new PageMapper(
                stream,
                mapFor(maps, stream.kind(), stream),
                assetMap,
                descriptor.vendorProductName(),
                descriptor.tagKinds(),
                descriptor.meaning()),
            stages,
            journal);
      }
    }
  }

  /** The first default map with rows for the record kind. */
  private static TransformMap mapFor(List<TransformMap> maps, RecordKind kind, StreamSpec stream) {
    return maps.stream()
        .filter(m -> !m.fields(kind).isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The connector ships no transform map for "
                        + kind
                        + " records (stream "
                        + stream.name()
                        + ")"));
  }

  private void readStream(
      SyncRun run,
      Connector connector,
      StreamSpec stream,
      SyncRequest request,
      PageMapper mapper,
      StageClock stages,
      RunLog.Journal journal)
      throws InterruptedException {
    MDC.put("stream", stream.name());
    if (stream.kind() == RecordKind.FINDING) {
      runs.findingsState(run.runId(), FindingsState.PROCESSING);
    }
    if (checkpoints.completedBy(run.connectorId(), stream.name(), run.runId())) {
      // Taken over after the stream's last page: its pages, and the closing of what a full read
      // did not return, were committed with it; reading it again would count its records twice.
      journal.info(
          stream.name(),
          stream.name()
              + " was read to its end before this run was taken over: it is not read again");
      accountFor(run, stream, journal);
      return;
    }
    Optional<Checkpoint> from = checkpoints.find(run.connectorId(), stream.name());
    boolean resuming = from.isPresent() && !from.get().complete();
    Instant readStartedAt =
        resuming
            ? checkpoints.readStartedAt(run.connectorId(), stream.name()).orElse(clock.instant())
            : clock.instant();
    try (StreamReader reader = connector.open(stream, request, from)) {
      runs.streamStarted(run.runId(), stream.name(), reader.fullSync());
      journal.info(
          stream.name(),
          "Reading "
              + stream.name()
              + " ("
              + (reader.fullSync() ? "full" : "delta")
              + " sync"
              + (resuming ? ", resuming from the last committed page" : "")
              + ")");
      long shownTotal = -1;
      // A full read of findings closes what it did not return in its last page's transaction, so
      // a crash can never separate the end of the read from the closing.
      boolean closesAbsent = stream.kind() == RecordKind.FINDING && reader.fullSync();
      java.util.OptionalInt closedAbsent = java.util.OptionalInt.empty();
      try (PageReadAhead pages =
          new PageReadAhead(reader, mapper::map, run.connectorId(), stages, stream.name())) {
        Optional<PageReadAhead.Prepared> page;
        while ((page = pages.next()).isPresent()) {
          if (Thread.interrupted()) {
            throw new InterruptedException("run cancelled");
          }
          long total = page.get().total().orElse(-1);
          if (total != shownTotal && total >= 0) {
            runs.streamTotal(run.runId(), total);
            shownTotal = total;
          }
          Instant now = clock.instant();
          runs.renew(run.runId(), lease.node(), lease.until(now), now);
          PageCommitter.Committed committed =
              committer.commit(
                  run.connectorId(),
                  run.runId(),
                  page.get().mapped(),
                  page.get().findings(),
                  page.get().checkpoint(),
                  readStartedAt,
                  closesAbsent,
                  stages);
          if (committed.closedAbsent().isPresent()) {
            closedAbsent = committed.closedAbsent();
          }
        }
      }
      accountFor(run, stream, journal);
      if (closesAbsent) {
        int closed =
            closedAbsent.isPresent()
                ? closedAbsent.getAsInt()
                : stages.time(
                    RunStage.LIFECYCLE,
                    () ->
                        jdbc.inTransaction(
                            c -> {
                              InventoryLock.hold(c);
                              return lifecycle.closeAbsent(
                                  c, run.connectorId(), readStartedAt, clock.instant());
                            }));
        journal.info(
            stream.name(),
            closed + " detection(s) absent from the full read of " + stream.name() + " are closed");
      }
    }
  }

  /**
   * Checks that every record the stream returned in this run is stored or a counted rejection, and
   * the findings inside records likewise; logs the figures. A record the run cannot account for
   * fails the run, naming the stream and the count: never a silent success.
   */
  private void accountFor(SyncRun run, StreamSpec stream, RunLog.Journal journal) {
    StreamTally t = runs.streamTally(run.runId(), stream.name());
    journal.info(
        stream.name(),
        String.format(
            "Stream %s: fetched %d, stored %d, rejected %d%s%s",
            stream.name(),
            t.fetched(),
            t.stored(),
            t.rejected(),
            stream.elements().isPresent()
                ? String.format(
                    "; findings inside them: fetched %d, stored %d, rejected %d",
                    t.elementsFetched(), t.elementsStored(), t.elementsRejected())
                : "",
            t.snapshotAssets() > 0
                ? "; " + t.snapshotAssets() + " asset(s) built from host snapshots"
                : ""));
    if (t.unaccounted() != 0 || t.elementsUnaccounted() != 0) {
      throw new UnaccountedRecordsException(stream.name(), t);
    }
  }

  /** The node stops mid-run: the run stays claimed until its lease expires, then moves on. */
  private void handOver(SyncRun run, RunLog.Journal journal) {
    String why =
        "Node "
            + lease.node()
            + " is stopping: the run is left for another node (or this one when it starts again),"
            + " which takes it over once the lease expires and resumes from the last committed page";
    journal.warn(MDC.get("stream"), why);
    try {
      connectors.updateState(run.connectorId(), ConnectorState.SCHEDULED, run.runId(), why);
    } catch (RuntimeException e) {
      LOG.warn("Could not record the hand-over of run {}: {}", run.runId(), e.getMessage());
    }
  }

  /**
   * Records the failure. When the database is what failed, the first attempts meet the pool's dead
   * connections (a connection used within the last half second is handed out unchecked) or a
   * database still restarting: the recording is retried until it lands, for up to {@link
   * #RECORD_FAILURE_FOR}. Left unrecorded, the run would stay PROCESSING for good, its lease
   * renewed by this live node's heartbeat, and its connector would refuse every new run.
   */
  private void fail(SyncRun run, Throwable e, StageClock stages, RunLog.Journal journal) {
    String reason = RunFailure.describe(e);
    journal.error(MDC.get("stream"), "Run failed: " + reason);
    long deadline = System.nanoTime() + RECORD_FAILURE_FOR.toNanos();
    Duration wait = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        runs.scoredAndTimed(run.runId(), 0, stages.millis());
        runs.finished(run.runId(), RunState.ERRORED, Optional.of(reason), clock.instant());
        connectors.updateState(run.connectorId(), ConnectorState.ERRORED, run.runId(), reason);
        if (attempt > 1) {
          journal.error(
              MDC.get("stream"),
              "Run failed (recorded once the database answered again): " + reason);
        }
        return;
      } catch (RuntimeException storeFailure) {
        if (System.nanoTime() > deadline) {
          LOG.error("Could not record the failure of run {}", run.runId(), storeFailure);
          return;
        }
        LOG.warn(
            "Could not record the failure of run {} yet ({}); trying again in {} s",
            run.runId(),
            storeFailure.getMessage(),
            wait.toSeconds());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          LOG.error("Could not record the failure of run {}: interrupted", run.runId());
          return;
        }
        wait =
            wait.multipliedBy(2).compareTo(MAX_RECORD_WAIT) > 0
                ? MAX_RECORD_WAIT
                : wait.multipliedBy(2);
      }
    }
  }

  /** How long a failure is retried when the database cannot record it. */
  private static final Duration RECORD_FAILURE_FOR = Duration.ofMinutes(10);

  private static final Duration MAX_RECORD_WAIT = Duration.ofSeconds(15);
}
