package dev.sightline.platform.sync;

import dev.sightline.connector.Checkpoint;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.ingest.MappedPage;
import dev.sightline.platform.ingest.Rejection;
import dev.sightline.platform.ingest.StreamTally;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Commits one page: its rows, the assets its findings' host snapshots stand for, the correlation of
 * the assets it wrote, its rejections, the run's counters and stream figures, and the stream
 * checkpoint, all in one transaction, so a crash between pages neither loses nor repeats work. What
 * the page stored is what the store holds afterwards, read back, not what was sent.
 */
final class PageCommitter {
  /**
   * Rejections kept per run; beyond that only the count grows, so a bad feed cannot fill the disk.
   */
  static final int REJECTIONS_KEPT_PER_RUN = 1000;

  private final Jdbc jdbc;
  private final InventoryWriter writer;
  private final AssetCorrelator correlator;
  private final FindingLifecycle lifecycle = new FindingLifecycle();
  private final Clock clock;

  PageCommitter(Jdbc jdbc, InventoryWriter writer, AssetCorrelator correlator, Clock clock) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.correlator = correlator;
    this.clock = clock;
  }

  /**
   * The findings a page can attach, and those it cannot, once snapshots stood in for unknown
   * assets.
   */
  private record Attachable(
      List<FindingRow> rows,
      InventoryWriter.FindingBatch findings,
      List<AssetRow> snapshots,
      List<Rejection> rejections) {}

  /**
   * What a page's commit did: its counters, and, for the last page of a full read of findings, how
   * many detections the read did not return were closed with it.
   */
  record Committed(RunCounters counters, java.util.OptionalInt closedAbsent) {}

  /**
   * Commits the page; {@code closesAbsent}: the stream is a full read of findings, so its last page
   * (the one whose checkpoint is complete) also closes the detections the read did not return.
   */
  Committed commit(
      UUID connectorId,
      UUID runId,
      MappedPage page,
      InventoryWriter.FindingBatch encoded,
      Checkpoint checkpoint,
      Instant readStartedAt,
      boolean closesAbsent,
      StageClock stages) {
    Instant now = clock.instant();
    long start = System.nanoTime();
    long[] correlating = new long[1];
    int[] closed = {-1};
    RunCounters committed =
        jdbc.inTransaction(
            c -> {
              // A page need not wait for its WAL to reach the disk: its checkpoint commits with
              // it, so a page a database crash loses is simply read again by the next run, and
              // the run's end (a synchronous commit) flushes every page before it.
              Jdbc.update(c, "SET LOCAL synchronous_commit = off");
              InventoryLock.hold(c);
              InventoryWriter.Outcome assets =
                  writer.upsertAssets(c, connectorId, runId, page.assets(), now);
              Attachable attachable = attachable(c, connectorId, page, encoded);
              InventoryWriter.Outcome snapshots =
                  writer.upsertAssets(c, connectorId, runId, attachable.snapshots(), now, true);
              List<Long> written = new ArrayList<>(assets.written());
              written.addAll(snapshots.written());
              long correlateStart = System.nanoTime();
              AssetCorrelator.Outcome links = correlator.correlate(c, written, now);
              correlating[0] = System.nanoTime() - correlateStart;
              InventoryWriter.Outcome findings =
                  writer.upsertFindings(c, connectorId, runId, attachable.findings(), now);
              List<Rejection> rejections = new ArrayList<>(page.rejections());
              rejections.addAll(attachable.rejections());
              keepRejections(c, runId, checkpoint.stream(), rejections, now);
              StreamTally tally = tally(page, assets, attachable, findings);
              long rejected = page.carriesElements() ? tally.elementsRejected() : tally.rejected();
              RunCounters counters =
                  RunCounters.page(
                      page.fetched(),
                      assets.created() + findings.created(),
                      assets.updated() + findings.updated(),
                      assets.unchanged() + findings.unchanged(),
                      rejected,
                      links.linked());
              RunRepository.addPage(c, runId, counters);
              RunRepository.addStreamTally(c, runId, checkpoint.stream(), tally);
              CheckpointRepository.save(c, connectorId, runId, checkpoint, readStartedAt, now);
              if (closesAbsent && checkpoint.complete()) {
                closed[0] = lifecycle.closeAbsent(c, connectorId, readStartedAt, now);
              }
              return counters;
            });
    stages.add(RunStage.CORRELATE, correlating[0]);
    stages.add(RunStage.WRITE, System.nanoTime() - start - correlating[0]);
    return new Committed(
        committed,
        closed[0] < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(closed[0]));
  }

  /**
   * Splits the page's findings by whether their asset is known: stored before, or built now from
   * the host snapshot a finding of the page carries; a finding whose asset is neither is rejected.
   */
  private static Attachable attachable(
      Connection c, UUID connectorId, MappedPage page, InventoryWriter.FindingBatch encoded)
      throws SQLException {
    if (page.findings().isEmpty()) {
      return new Attachable(List.of(), encoded, List.of(), List.of());
    }
    Set<String> wanted = new LinkedHashSet<>();
    page.findings().forEach(f -> wanted.add(f.assetSourceId()));
    Set<String> known = InventoryWriter.storedAssetKeys(c, connectorId, wanted);
    List<AssetRow> snapshots = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String key : wanted) {
      if (!known.contains(key)) {
        page.snapshots().build(key).ifPresentOrElse(snapshots::add, () -> unknown.add(key));
      }
    }
    if (unknown.isEmpty()) {
      return new Attachable(page.findings(), encoded, snapshots, List.of());
    }
    List<FindingRow> attachable = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (FindingRow f : page.findings()) {
      if (!unknown.contains(f.assetSourceId())) {
        attachable.add(f);
        continue;
      }
      String reason =
          "its asset '"
              + f.assetSourceId()
              + "' is unknown: the assets stream did"
              + " not return it and the record carries no host details to build it from";
      String path = page.elementPath(f.externalFindingId()).orElse(null);
      rejections.add(
          new Rejection(f.externalFindingId(), path, List.of(reason), path == null ? 0 : 1));
    }
    return new Attachable(
        attachable,
        encoded.only(f -> !unknown.contains(f.assetSourceId()), attachable.size()),
        snapshots,
        rejections);
  }

  private static StreamTally tally(
      MappedPage page,
      InventoryWriter.Outcome assets,
      Attachable attachable,
      InventoryWriter.Outcome findings) {
    StreamTally mapped = page.tally();
    long storedAssets =
        page.assets().stream().filter(a -> assets.stored().contains(a.sourceRecordId())).count();
    long storedFindings =
        attachable.rows().stream()
            .filter(f -> findings.stored().contains(f.externalFindingId()))
            .count();
    long elementRejections = attachable.rejections().stream().filter(Rejection::ofElement).count();
    long recordRejections = attachable.rejections().size() - elementRejections;
    boolean carriers = page.carriesElements();
    return new StreamTally(
        mapped.fetched(),
        mapped.stored() + storedAssets + (carriers ? 0 : storedFindings),
        mapped.rejected() + recordRejections,
        mapped.elementsFetched(),
        carriers ? storedFindings : 0,
        mapped.elementsRejected() + elementRejections,
        attachable.snapshots().size());
  }

  private static void keepRejections(
      Connection c, UUID runId, String stream, List<Rejection> rejections, Instant now)
      throws SQLException {
    if (rejections.isEmpty()) {
      return;
    }
    long kept =
        Jdbc.query(
                c,
                "SELECT count(*) FROM rejected_record WHERE run_id = ?",
                rs -> rs.getLong(1),
                runId)
            .get(0);
    int room = (int) Math.max(0, REJECTIONS_KEPT_PER_RUN - kept);
    List<Rejection> keep = rejections.subList(0, Math.min(room, rejections.size()));
    if (keep.isEmpty()) {
      return;
    }
    Jdbc.update(
        c,
        "INSERT INTO rejected_record (run_id, stream, record_key, element_path, reasons,"
            + " rejected_at) SELECT ?, ?, r.record_key, r.element_path, r.reasons, ?"
            + " FROM unnest(?::text[], ?::text[], ?::text[]) AS r(record_key, element_path, reasons)",
        runId,
        stream,
        now,
        keep.stream().map(Rejection::recordKey).toArray(String[]::new),
        keep.stream().map(Rejection::elementPath).toArray(String[]::new),
        keep.stream()
            .map(r -> String.join(Rejection.REASON_SEPARATOR, r.reasons()))
            .toArray(String[]::new));
  }
}
