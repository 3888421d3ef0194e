package dev.sightline.platform.rescoring;

import dev.sightline.platform.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * The assets whose stored scores are stale. Whatever changes a score queues its assets in the same
 * transaction as the change, so a crash cannot leave a stale score unqueued; {@link ScoreRefresher}
 * drains the queue.
 */
public final class RescoreQueue {
  // A re-queued asset waits for a drain that holds it to finish, then is queued again: the change
  // that queued it may have come after that drain read it.
  private static final String ON_CONFLICT =
      " ON CONFLICT (asset_id) DO UPDATE SET queued_at = EXCLUDED.queued_at";

  private RescoreQueue() {}

  public static int enqueue(Connection c, Collection<Long> assetIds, Instant now)
      throws SQLException {
    if (assetIds.isEmpty()) {
      return 0;
    }
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at)"
            + " SELECT DISTINCT a.id, ? FROM asset a WHERE a.id = ANY(?)"
            + ON_CONFLICT,
        now,
        assetIds.toArray(new Long[0]));
  }

  static int enqueueAll(Connection c, Instant now) throws SQLException {
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at) SELECT a.id, ?"
            + " FROM asset a"
            + ON_CONFLICT,
        now);
  }

  static int enqueueWithoutOwnCriticality(Connection c, Instant now) throws SQLException {
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at) SELECT a.id, ?"
            + " FROM asset a WHERE a.criticality IS NULL"
            + ON_CONFLICT,
        now);
  }

  static int enqueueConnector(Connection c, UUID connectorId, Instant now) throws SQLException {
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at)"
            + " SELECT DISTINCT s.asset_id, ? FROM source_asset s WHERE s.connector_id = ?"
            + " AND s.asset_id IS NOT NULL"
            + ON_CONFLICT,
        now,
        connectorId);
  }

  /** Assets with a finding on a CVE whose intelligence changed at or after {@code since}. */
  public static int enqueueIntelChangedSince(Connection c, Instant since, Instant now)
      throws SQLException {
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at)"
            + " SELECT DISTINCT f.asset_id, ? FROM cve_intel ci JOIN finding f ON f.cve_id = ci.cve_id"
            + " WHERE ci.updated_at >= ?"
            + ON_CONFLICT,
        now,
        since);
  }

  /** Assets with an accepted risk that expired after they were last scored: it counts again. */
  static int enqueueExpiredDecisions(Connection c, Instant now) throws SQLException {
    return Jdbc.update(
        c,
        "INSERT INTO asset_rescore (asset_id, queued_at)"
            + " SELECT DISTINCT f.asset_id, ? FROM finding f JOIN asset a ON a.id = f.asset_id"
            // counts now, did not when the asset was last scored (finding_counts, V9)
            + " WHERE f.decision_until IS NOT NULL"
            + " AND finding_counts(f.state, f.decision, f.decision_until, ?)"
            + " AND (a.scored_at IS NULL"
            + " OR NOT finding_counts(f.state, f.decision, f.decision_until, a.scored_at))"
            + ON_CONFLICT,
        now,
        now);
  }

  /** How many assets wait to be rescored. */
  public static long pending(Jdbc jdbc) {
    return jdbc.queryOne("SELECT count(*) FROM asset_rescore", rs -> rs.getLong(1)).orElse(0L);
  }
}
