package dev.sightline.platform.sync;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.Page;
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
import dev.sightline.platform.ingest.MappedPage;
import dev.sightline.platform.ingest.PageMapper;
import dev.sightline.platform.ingest.StreamTally;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import java.time.Clock;
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
  private final FindingLifecycle lifecycle = new FindingLifecycle();
  private final ScoreRefresher refresher;
  private final Clock clock;
  private final TransformMaps transformMaps;
  private final int pageSize;

  public SyncService(
      ConnectorService connectors, Jdbc jdbc, ConnectorContext context, Clock clock, int pageSize) {
    this.connectors = connectors;
    this.jdbc = jdbc;
    this.runs = new RunRepository(jdbc);
    this.checkpoints = new CheckpointRepository(jdbc);
    this.committer = new PageCommitter(jdbc, new InventoryWriter(), new AssetCorrelator(), clock);
    this.refresher =
        new ScoreRefresher(
            jdbc,
            new ScoringSettings(jdbc, clock, new SeverityDefaults(connectors.catalog())),
            clock);
    this.context = context;
    this.clock = clock;
    this.transformMaps = new TransformMaps(connectors, jdbc, clock);
    this.pageSize = pageSize;
  }

  public RunRepository runs() {
    return runs;
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

  /** The connector's latest runs, newest first; an unknown connector is a not-found error. */
  public java.util.List<SyncRun> recentRuns(UUID connectorId, int limit) {
    connectors.stored(connectorId);
    return runs.forConnector(connectorId, limit);
  }

  /** Records a new run in PROCESSING; {@link #execute} does the work. */
  public SyncRun request(UUID connectorId) {
    StoredConnector connector = connectors.stored(connectorId);
    return runs.create(connector.id(), clock.instant());
  }

  /** Does the work of a requested run on the calling thread; never throws. */
  public SyncRun execute(UUID runId) {
    SyncRun run = runs.find(runId).orElseThrow();
    StageClock stages = new StageClock();
    MDC.put("run", runId.toString());
    MDC.put("connector", run.connectorId().toString());
    try {
      runs.started(runId, clock.instant());
      connectors.updateState(run.connectorId(), ConnectorState.PROCESSING);
      readAll(run, stages);
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
                    return null;
                  }));
      ScoreRefresher.Outcome scored = stages.time(RunStage.SCORE, () -> rescore(runId));
      runs.scoredAndTimed(runId, scored.assetsScored(), stages.millis());
      runs.finished(runId, RunState.PROCESSED, Optional.empty(), clock.instant());
      connectors.updateState(run.connectorId(), ConnectorState.PROCESSED);
      LOG.info("Run finished: {}", runs.find(runId).map(SyncRun::counters).orElse(null));
    } catch (InterruptedException e) {
      fail(run, e, stages);
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      fail(run, e, stages);
    } finally {
      MDC.remove("run");
      MDC.remove("connector");
      MDC.remove("stream");
    }
    return runs.find(runId).orElseThrow();
  }

  /** Rescores what the run touched (and anything else queued), logging progress on long work. */
  private ScoreRefresher.Outcome rescore(UUID runId) {
    long queued = RescoreQueue.pending(jdbc);
    LOG.info("Rescoring {} asset(s)", queued);
    long[] nextReport = {10_000};
    ScoreRefresher.Outcome outcome =
        refresher.drain(
            done -> {
              if (done >= nextReport[0]) {
                LOG.info("Rescored {} of about {} asset(s)", done, queued);
                nextReport[0] += 10_000;
              }
            });
    LOG.info(
        "Rescored {} asset(s): {} risk score(s) and {} finding score(s) changed",
        outcome.assetsScored(),
        outcome.assetsChanged(),
        outcome.findingsChanged());
    return outcome;
  }

  private void readAll(SyncRun run, StageClock stages) throws InterruptedException {
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
            stages);
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
      StageClock stages)
      throws InterruptedException {
    MDC.put("stream", stream.name());
    Optional<Checkpoint> from = checkpoints.find(run.connectorId(), stream.name());
    boolean resuming = from.isPresent() && !from.get().complete();
    Instant readStartedAt =
        resuming
            ? checkpoints.readStartedAt(run.connectorId(), stream.name()).orElse(clock.instant())
            : clock.instant();
    try (StreamReader reader = connector.open(stream, request, from)) {
      runs.streamStarted(run.runId(), stream.name(), reader.fullSync());
      LOG.info("Reading {} ({} sync)", stream.name(), reader.fullSync() ? "full" : "delta");
      Optional<Page> page;
      while ((page = stages.time(RunStage.FETCH, reader::next)).isPresent()) {
        if (Thread.interrupted()) {
          throw new InterruptedException("run cancelled");
        }
        List<com.fasterxml.jackson.databind.JsonNode> records = page.get().records();
        MappedPage mapped = stages.time(RunStage.MAP, () -> mapper.map(records));
        committer.commit(
            run.connectorId(), run.runId(), mapped, page.get().checkpoint(), readStartedAt, stages);
      }
      accountFor(run, stream);
      if (stream.kind() == RecordKind.FINDING && reader.fullSync()) {
        int closed =
            stages.time(
                RunStage.LIFECYCLE,
                () ->
                    jdbc.inTransaction(
                        c -> {
                          InventoryLock.hold(c);
                          return lifecycle.closeAbsent(
                              c, run.connectorId(), readStartedAt, clock.instant());
                        }));
        LOG.info("{} detections absent from the full read of {} are closed", closed, stream.name());
      }
    }
  }

  /**
   * Checks that every record the stream returned in this run is stored or a counted rejection, and
   * the findings inside records likewise; logs the figures. A record the run cannot account for
   * fails the run, naming the stream and the count: never a silent success.
   */
  private void accountFor(SyncRun run, StreamSpec stream) {
    StreamTally t = runs.streamTally(run.runId(), stream.name());
    LOG.info(
        "Stream {}: fetched {}, stored {}, rejected {}{}{}",
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
            : "");
    if (t.unaccounted() != 0 || t.elementsUnaccounted() != 0) {
      throw new UnaccountedRecordsException(stream.name(), t);
    }
  }

  private void fail(SyncRun run, Throwable e, StageClock stages) {
    String reason = RunFailure.describe(e);
    LOG.warn("Run failed: {}", reason);
    try {
      runs.scoredAndTimed(run.runId(), 0, stages.millis());
      runs.finished(run.runId(), RunState.ERRORED, Optional.of(reason), clock.instant());
      connectors.updateState(run.connectorId(), ConnectorState.ERRORED);
    } catch (RuntimeException storeFailure) {
      LOG.error("Could not record the failure of run {}", run.runId(), storeFailure);
    }
  }
}
