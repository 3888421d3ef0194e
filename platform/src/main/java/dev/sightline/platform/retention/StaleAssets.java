package dev.sightline.platform.retention;

import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asset retention, as Tenable's and Vulcan's "asset retention": an asset no source has seen for its
 * connectors' retention period is marked stale ({@code asset.stale_since}) and leaves the
 * inventory's totals; one stale for its connectors' purge period is deleted with its source
 * records, detections and findings. The rules are the SQL functions of V13 ({@code source_seen_at},
 * {@code asset_stale_since}, {@code asset_purge_due}, {@code asset_counts}); this class only
 * applies them at an instant. An asset seen again is current again at the next sweep.
 *
 * <p>One entry point, {@link #sweep}, meant for a scheduled job; it may run on any node at any
 * time: each step takes the inventory lock ({@link InventoryLock}), and a sweep that finds nothing
 * to do writes nothing. Thread-safe.
 */
public final class StaleAssets {
  private static final Logger LOG = LoggerFactory.getLogger(StaleAssets.class);

  /**
   * Assets judged and deleted per transaction, so a sweep of a large inventory never holds the
   * inventory lock for long.
   */
  static final int MARK_BATCH = 10_000;

  static final int PURGE_BATCH = 1000;

  /**
   * What a sweep did.
   *
   * @param markedStale assets that became stale
   * @param currentAgain stale assets a source saw again
   * @param purgedAssets stale assets deleted with their source records and detections
   * @param purgedFindings the findings deleted with them
   */
  public record Outcome(
      long markedStale, long currentAgain, long purgedAssets, long purgedFindings) {}

  private final Jdbc jdbc;
  private final int markBatchSize;
  private final int purgeBatchSize;

  public StaleAssets(Jdbc jdbc) {
    this(jdbc, MARK_BATCH, PURGE_BATCH);
  }

  /** With smaller batches, so a test crosses batch boundaries with a few assets. */
  StaleAssets(Jdbc jdbc, int markBatchSize, int purgeBatchSize) {
    this.jdbc = jdbc;
    this.markBatchSize = markBatchSize;
    this.purgeBatchSize = purgeBatchSize;
  }

  /** Marks, clears and purges as of {@code now}. */
  public Outcome sweep(Instant now) {
    long[] marked = mark(now);
    long assets = 0;
    long findings = 0;
    while (true) {
      long[] purged = purgeBatch(now);
      assets += purged[0];
      findings += purged[1];
      if (purged[0] < purgeBatchSize) {
        break;
      }
    }
    Outcome outcome = new Outcome(marked[0], marked[1], assets, findings);
    if (outcome.markedStale() + outcome.currentAgain() + outcome.purgedAssets() > 0) {
      LOG.info(
          "Stale assets as of {}: {} became stale, {} current again, {} purged with {} findings",
          now,
          outcome.markedStale(),
          outcome.currentAgain(),
          outcome.purgedAssets(),
          outcome.purgedFindings());
    }
    return outcome;
  }

  /** Sets every asset's {@code stale_since} as of {@code now}: {newly stale, current again}. */
  private long[] mark(Instant now) {
    long[] total = {0, 0};
    long after = 0;
    while (true) {
      long[] batch = markBatch(now, after);
      total[0] += batch[2];
      total[1] += batch[3];
      if (batch[1] < markBatchSize) {
        return total;
      }
      after = batch[0];
    }
  }

  /**
   * Judges the next batch of assets after id {@code after}: {last id, assets judged, newly stale,
   * current again}.
   */
  private long[] markBatch(Instant now, long after) {
    return jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          return Jdbc.query(
                  c,
                  """
                  WITH batch AS (
                    SELECT a.id, a.stale_since AS was FROM asset a
                    WHERE a.id > ? ORDER BY a.id LIMIT ?),
                  judged AS (
                    SELECT id, was, asset_stale_since(id, ?) AS since FROM batch),
                  changed AS (
                    UPDATE asset a SET stale_since = j.since FROM judged j
                    WHERE a.id = j.id AND j.was IS DISTINCT FROM j.since
                    RETURNING j.was, j.since)
                  SELECT (SELECT coalesce(max(id), 0) FROM batch),
                         (SELECT count(*) FROM batch),
                         count(*) FILTER (WHERE was IS NULL),
                         count(*) FILTER (WHERE since IS NULL)
                  FROM changed
                  """,
                  rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                  after,
                  markBatchSize,
                  now)
              .get(0);
        });
  }

  /** Deletes the next batch of assets due for purging: {assets, findings}. */
  private long[] purgeBatch(Instant now) {
    return jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          List<Long> due =
              Jdbc.query(
                  c,
                  "SELECT id FROM asset WHERE stale_since IS NOT NULL AND asset_purge_due(id, ?)"
                      + " ORDER BY id LIMIT ?",
                  rs -> rs.getLong(1),
                  now,
                  purgeBatchSize);
          if (due.isEmpty()) {
            return new long[] {0, 0};
          }
          Long[] ids = due.toArray(Long[]::new);
          Jdbc.update(
              c,
              "DELETE FROM detection d USING source_asset s"
                  + " WHERE d.source_asset_id = s.id AND s.asset_id = ANY(?)",
              (Object) ids);
          Jdbc.update(c, "DELETE FROM source_asset WHERE asset_id = ANY(?)", (Object) ids);
          long findings =
              Jdbc.update(c, "DELETE FROM finding WHERE asset_id = ANY(?)", (Object) ids);
          long assets = Jdbc.update(c, "DELETE FROM asset WHERE id = ANY(?)", (Object) ids);
          return new long[] {assets, findings};
        });
  }
}
