package dev.sightline.platform.lifecycle;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.LeadingDetection;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoresAsWritten;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps one logical finding per (asset, CVE) — or (asset, vendor finding id) without a CVE — with
 * every source's detection attached, and its lifecycle: NEW when first found open, ACTIVE once a
 * later run still finds it, FIXED (with the date) when no source reports it open any more, REOPENED
 * when a source reports it again. A finding stays open while any source reports it.
 */
public final class FindingLifecycle {

  /**
   * What a recompute did to findings, and how many assets it scored (with {@link ScoresAsWritten}).
   */
  public record Outcome(
      long created, long fixed, long reopened, long unchanged, long assetsScored) {
    public static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

    Outcome plus(Outcome o) {
      return new Outcome(
          created + o.created,
          fixed + o.fixed,
          reopened + o.reopened,
          unchanged + o.unchanged,
          assetsScored + o.assetsScored);
    }
  }

  // About 10,000 findings a batch, as rescoring takes them: their scores are held until written.
  private static final int BATCH = 1000;

  private final ScoresAsWritten scores;

  /** A lifecycle that leaves scoring to the rescore queue. */
  public FindingLifecycle() {
    this(null);
  }

  /** A lifecycle whose {@link #apply} scores findings as it writes them. */
  public FindingLifecycle(ScoresAsWritten scores) {
    this.scores = scores;
  }

  // A batch's detections are fetched through their indexes from its assets (the OFFSET 0 fences
  // keep PostgreSQL from flattening the lateral joins into a scan of every detection, which a
  // batch of a thousand assets would repeat for each batch). The scores (sc) are the findings' QDS
  // computed before this write (ScoresAsWritten), so each
  // finding is written once with them; a recompute without scores (a merge, a split) keeps the
  // stored ones and queues its assets for rescoring instead.
  private static final String RECOMPUTE =
      """
      WITH sc AS (
        SELECT * FROM unnest(?::bigint[], ?::text[], ?::integer[], ?::text[], ?::text[])
            AS sc(asset_id, finding_key, qds, band, method)),
      agg AS (
        SELECT sa.asset_id, d.finding_key, max(d.cve_id) AS cve_id,
            (array_agg(d.finding_name %1$s))[1] AS finding_name,
            (array_agg(d.finding_severity %1$s))[1] AS severity, bool_or(d.open) AS any_open,
            min(d.first_found_on) AS first_found,
            max(coalesce(d.last_found_on, d.last_seen_at)) AS last_found,
            max(d.fixed_on) AS fixed_on
        FROM unnest(?::bigint[]) AS a(id)
        JOIN LATERAL (SELECT sa.id, sa.asset_id FROM source_asset sa WHERE sa.asset_id = a.id
                      OFFSET 0) sa ON true
        JOIN LATERAL (SELECT d.* FROM detection d WHERE d.source_asset_id = sa.id
                      OFFSET 0) d ON true
        GROUP BY sa.asset_id, d.finding_key),
      old AS (SELECT f.asset_id, f.finding_key, f.state FROM finding f WHERE f.asset_id = ANY(?)),
      -- A split can move every detection of a finding to another asset: such a finding is gone.
      gone AS (
        DELETE FROM finding f WHERE (f.asset_id, f.finding_key) IN (
            SELECT o.asset_id, o.finding_key FROM old o WHERE NOT EXISTS (
                SELECT 1 FROM agg a
                WHERE a.asset_id = o.asset_id AND a.finding_key = o.finding_key))),
      up AS (
        INSERT INTO finding (asset_id, finding_key, cve_id, finding_name, severity, state,
            state_run, first_found, last_found, fixed_on, qds, qds_band, qds_method, created_at,
            updated_at)
        SELECT a.asset_id, a.finding_key, a.cve_id, a.finding_name, a.severity,
            CASE WHEN a.any_open THEN 'NEW' ELSE 'FIXED' END, ?::uuid, a.first_found,
            a.last_found, CASE WHEN a.any_open THEN NULL ELSE coalesce(a.fixed_on, ?) END,
            sc.qds, sc.band, sc.method, ?, ?
        FROM agg a LEFT JOIN sc ON sc.asset_id = a.asset_id AND sc.finding_key = a.finding_key
        ON CONFLICT (asset_id, finding_key) DO UPDATE SET
            cve_id = EXCLUDED.cve_id, finding_name = EXCLUDED.finding_name,
            severity = EXCLUDED.severity,
            first_found = LEAST(finding.first_found, EXCLUDED.first_found),
            last_found = GREATEST(finding.last_found, EXCLUDED.last_found),
            state = CASE WHEN EXCLUDED.state = 'FIXED' THEN 'FIXED'
                         WHEN finding.state = 'FIXED' THEN 'REOPENED'
                         ELSE finding.state END,
            state_run = CASE WHEN (EXCLUDED.state = 'FIXED') <> (finding.state = 'FIXED')
                             THEN EXCLUDED.state_run ELSE finding.state_run END,
            fixed_on = CASE WHEN EXCLUDED.state <> 'FIXED' THEN NULL
                            WHEN finding.state = 'FIXED' THEN finding.fixed_on
                            ELSE EXCLUDED.fixed_on END,
            reopened_on = CASE WHEN EXCLUDED.state <> 'FIXED' AND finding.state = 'FIXED'
                               THEN EXCLUDED.updated_at ELSE finding.reopened_on END,
            qds = coalesce(EXCLUDED.qds, finding.qds),
            qds_band = coalesce(EXCLUDED.qds_band, finding.qds_band),
            qds_method = coalesce(EXCLUDED.qds_method, finding.qds_method),
            updated_at = EXCLUDED.updated_at
        RETURNING id, asset_id, finding_key, state, (xmax = 0) AS inserted,
            finding_counts(state, decision, decision_until, ?) AS counts)
      SELECT up.id, up.asset_id, up.finding_key, up.counts, up.inserted, old.state AS before,
          up.state AS after
      FROM up LEFT JOIN old USING (asset_id, finding_key)
      """
          .formatted(LeadingDetection.ORDER);

  /**
   * Detections of the connector that a full read did not return are gone: closed, dated, so their
   * findings can become FIXED.
   */
  public int closeAbsent(Connection c, UUID connectorId, Instant readStartedAt, Instant now)
      throws SQLException {
    return Jdbc.update(
        c,
        "UPDATE detection SET open = false, fixed_on = coalesce(fixed_on, ?),"
            + " changed_at = ? WHERE connector_id = ? AND open AND (last_seen_at IS NULL"
            + " OR last_seen_at < ?)",
        now,
        now,
        connectorId,
        readStartedAt);
  }

  /**
   * Recomputes the findings of every asset whose detections or source records changed since the
   * connector's last recompute, then promotes findings found open again in this run to ACTIVE. With
   * {@link ScoresAsWritten}, the findings are scored as they are written and their assets' risk
   * follows, a batch of assets at a time; without, the assets are queued for rescoring.
   */
  public Outcome apply(Connection c, UUID connectorId, UUID runId, Instant now)
      throws SQLException {
    List<Long> assets =
        Jdbc.query(
            c,
            """
        SELECT sa.asset_id FROM detection d JOIN source_asset sa ON sa.id = d.source_asset_id
        JOIN connector c ON c.id = d.connector_id
        WHERE d.connector_id = ? AND sa.asset_id IS NOT NULL
          AND (c.lifecycle_applied_at IS NULL OR d.changed_at >= c.lifecycle_applied_at)
        UNION
        SELECT sa.asset_id FROM source_asset sa JOIN connector c ON c.id = sa.connector_id
        WHERE sa.connector_id = ? AND sa.asset_id IS NOT NULL
          AND (c.lifecycle_applied_at IS NULL OR sa.updated_at >= c.lifecycle_applied_at
               OR sa.linked_at >= c.lifecycle_applied_at)
        """,
            rs -> rs.getLong(1),
            connectorId,
            connectorId);
    Outcome outcome;
    if (scores == null) {
      outcome = recompute(c, assets, runId, now);
      RescoreQueue.enqueue(c, assets, now);
    } else {
      outcome = Outcome.NONE;
      for (int from = 0; from < assets.size(); from += BATCH) {
        List<Long> batch = assets.subList(from, Math.min(assets.size(), from + BATCH));
        ScoresAsWritten.Batch scored = scores.score(c, batch, now);
        List<ScoresAsWritten.Written> written = new ArrayList<>();
        outcome = outcome.plus(recompute(c, batch, runId, now, scored.columns(), written));
        scored.writeRisks(c, written, now);
        outcome = outcome.plus(new Outcome(0, 0, 0, 0, scored.assets()));
      }
    }
    promote(c, connectorId, runId, now);
    Jdbc.update(c, "UPDATE connector SET lifecycle_applied_at = ? WHERE id = ?", now, connectorId);
    return outcome;
  }

  /**
   * Recomputes the findings of the given assets (after a merge or a split), keeping their stored
   * scores: the caller queues the assets for rescoring.
   */
  public Outcome recompute(Connection c, List<Long> assetIds, UUID runId, Instant now)
      throws SQLException {
    return recompute(c, assetIds, runId, now, NO_SCORES, new ArrayList<>());
  }

  private static final Object[] NO_SCORES = {
    new Long[0], new String[0], new Integer[0], new String[0], new String[0]
  };

  private Outcome recompute(
      Connection c,
      List<Long> assetIds,
      UUID runId,
      Instant now,
      Object[] scores,
      List<ScoresAsWritten.Written> written)
      throws SQLException {
    if (assetIds.isEmpty()) {
      return Outcome.NONE;
    }
    Long[] ids = assetIds.toArray(new Long[0]);
    long created = 0;
    long fixed = 0;
    long reopened = 0;
    long unchanged = 0;
    try (PreparedStatement ps = c.prepareStatement(RECOMPUTE)) {
      OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      ps.setArray(1, c.createArrayOf("bigint", (Object[]) scores[0]));
      ps.setArray(2, c.createArrayOf("text", (Object[]) scores[1]));
      ps.setArray(3, c.createArrayOf("integer", (Object[]) scores[2]));
      ps.setArray(4, c.createArrayOf("text", (Object[]) scores[3]));
      ps.setArray(5, c.createArrayOf("text", (Object[]) scores[4]));
      ps.setArray(6, c.createArrayOf("bigint", ids));
      ps.setArray(7, c.createArrayOf("bigint", ids));
      ps.setObject(8, runId);
      ps.setObject(9, at);
      ps.setObject(10, at);
      ps.setObject(11, at);
      ps.setObject(12, at);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          written.add(
              new ScoresAsWritten.Written(
                  rs.getLong("asset_id"),
                  rs.getString("finding_key"),
                  rs.getLong("id"),
                  rs.getBoolean("counts")));
          FindingState before = state(rs.getString("before"));
          FindingState after = state(rs.getString("after"));
          if (rs.getBoolean("inserted")) {
            created++;
          } else if (after == FindingState.FIXED && before != FindingState.FIXED) {
            fixed++;
          } else if (after == FindingState.REOPENED && before == FindingState.FIXED) {
            reopened++;
          } else {
            unchanged++;
          }
        }
      }
    }
    return new Outcome(created, fixed, reopened, unchanged, 0);
  }

  private static FindingState state(String stored) {
    return stored == null ? null : FindingState.valueOf(stored);
  }

  /** NEW and REOPENED last one run: found open again by a later run, a finding is ACTIVE. */
  private static void promote(Connection c, UUID connectorId, UUID runId, Instant now)
      throws SQLException {
    Jdbc.update(
        c,
        "UPDATE finding f SET state = 'ACTIVE', state_run = ?, updated_at = ?"
            + " WHERE f.state IN ('NEW', 'REOPENED') AND f.state_run IS DISTINCT FROM ?"
            + " AND EXISTS (SELECT 1 FROM source_asset sa WHERE sa.asset_id = f.asset_id"
            + " AND sa.connector_id = ?)",
        runId,
        now,
        runId,
        connectorId);
  }
}
