package dev.sightline.platform.sync;

import dev.sightline.connector.Checkpoint;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.inventory.MappedPage;
import dev.sightline.platform.inventory.Rejection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Commits one page: its rows, the correlation of the assets it wrote, its rejections, the run's
 * counters and the stream checkpoint, all in one transaction, so a crash between pages neither loses nor repeats work.
 */
final class PageCommitter {
  /** Rejections kept per run; beyond that only the count grows, so a bad feed cannot fill the disk. */
  static final int REJECTIONS_KEPT_PER_RUN = 1000;

  private final Jdbc jdbc;
  private final InventoryWriter writer;
  private final AssetCorrelator correlator;
  private final Clock clock;

  PageCommitter(Jdbc jdbc, InventoryWriter writer, AssetCorrelator correlator, Clock clock) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.correlator = correlator;
    this.clock = clock;
  }

  RunCounters commit(UUID connectorId, UUID runId, MappedPage page, Checkpoint checkpoint,
      Instant readStartedAt, StageClock stages) {
    Instant now = clock.instant();
    long start = System.nanoTime();
    long[] correlating = new long[1];
    RunCounters committed = jdbc.inTransaction(c -> {
      InventoryLock.hold(c);
      InventoryWriter.Outcome assets =
          writer.upsertAssets(c, connectorId, runId, page.assets(), now);
      long correlateStart = System.nanoTime();
      AssetCorrelator.Outcome links = correlator.correlate(c, assets.written(), now);
      correlating[0] = System.nanoTime() - correlateStart;
      InventoryWriter.Outcome findings =
          writer.upsertFindings(c, connectorId, runId, page.findings(), now);
      keepRejections(c, runId, checkpoint.stream(), page, now);
      RunCounters counters = RunCounters.page(page.fetched(),
          assets.created() + findings.created(), assets.updated() + findings.updated(),
          assets.unchanged() + findings.unchanged(), page.rejections().size(), links.linked());
      RunRepository.addPage(c, runId, counters);
      CheckpointRepository.save(c, connectorId, runId, checkpoint, readStartedAt, now);
      return counters;
    });
    stages.add(RunStage.CORRELATE, correlating[0]);
    stages.add(RunStage.WRITE, System.nanoTime() - start - correlating[0]);
    return committed;
  }

  private static void keepRejections(
      Connection c, UUID runId, String stream, MappedPage page, Instant now) throws SQLException {
    if (page.rejections().isEmpty()) {
      return;
    }
    long kept = Jdbc.query(c, "SELECT count(*) FROM rejected_record WHERE run_id = ?",
        rs -> rs.getLong(1), runId).get(0);
    for (Rejection r : page.rejections()) {
      if (kept++ >= REJECTIONS_KEPT_PER_RUN) {
        return;
      }
      Jdbc.update(c, "INSERT INTO rejected_record (run_id, stream, record_key, reasons,"
          + " rejected_at) VALUES (?, ?, ?, ?, ?)", runId, stream, r.recordKey(),
          String.join("; ", r.reasons()), now);
    }
  }
}
