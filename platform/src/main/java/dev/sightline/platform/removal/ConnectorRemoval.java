package dev.sightline.platform.removal;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.correlation.AssetRederivation;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import dev.sightline.platform.rescoring.RescoreQueue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Deletes a connector, deciding what becomes of what it stored: {@link Data#KEEP} leaves its
 * records as history (the connector is marked deleted: it leaves every list, runs no more and frees
 * its name, while its assets and findings stay as they are); {@link Data#PURGE} removes its source
 * records and detections with it, then re-derives the merged inventory they were part of (assets
 * re-correlated, findings recomputed, scores queued). A connector with a run in flight is not
 * deleted.
 */
public final class ConnectorRemoval {
  private final Jdbc jdbc;
  private final ConnectorService connectors;
  private final Clock clock;

  public ConnectorRemoval(Jdbc jdbc, ConnectorService connectors, Clock clock) {
    this.jdbc = jdbc;
    this.connectors = connectors;
    this.clock = clock;
  }

  /** What happens to a deleted connector's records. */
  public enum Data {
    KEEP,
    PURGE
  }

  /** What a deletion did: for a purge, the assets re-derived (to rescore) and those removed. */
  public record Outcome(Data data, List<Long> assetsRederived, long assetsRemoved) {}

  /**
   * @throws NotFoundException when no live connector has the id
   * @throws ConflictException when a run of the connector is in flight
   */
  public Outcome delete(UUID id, Data data) {
    connectors.stored(id);
    Instant now = clock.instant();
    return jdbc.inTransaction(
        c -> {
          if (data == Data.PURGE) {
            // Purging rewrites the merged inventory: taken before the row, as every writer does.
            InventoryLock.hold(c);
          }
          lockIdle(c, id);
          if (data == Data.KEEP) {
            Jdbc.update(
                c,
                "UPDATE connector SET deleted_at = ?, updated_at = ? WHERE id = ?",
                now,
                now,
                id);
            return new Outcome(data, List.of(), 0);
          }
          return purge(c, id, now);
        });
  }

  /**
   * Locks the connector's row (a run being requested now waits for it and then finds the connector
   * gone) and refuses when a run is already in flight.
   */
  private static void lockIdle(Connection c, UUID id) throws SQLException {
    if (Jdbc.query(
            c,
            "SELECT 1 FROM connector WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
            rs -> 1,
            id)
        .isEmpty()) {
      throw new NotFoundException("No connector has id " + id);
    }
    // Anything not finished is in flight, whatever the states between requested and finished.
    boolean running =
        !Jdbc.query(
                c,
                "SELECT 1 FROM sync_run WHERE connector_id = ?"
                    + " AND state NOT IN ('PROCESSED', 'ERRORED') LIMIT 1",
                rs -> 1,
                id)
            .isEmpty();
    if (running) {
      throw new ConflictException(
          "The connector has a run in flight: wait until it ends (GET /api/v1/connectors/"
              + id
              + "/runs), then delete it");
    }
  }

  private static Outcome purge(Connection c, UUID id, Instant now) throws SQLException {
    List<Long> touched =
        Jdbc.query(
            c,
            "SELECT DISTINCT asset_id FROM source_asset WHERE connector_id = ?"
                + " AND asset_id IS NOT NULL",
            rs -> rs.getLong(1),
            id);
    Jdbc.update(c, "DELETE FROM detection WHERE connector_id = ?", id);
    Jdbc.update(c, "DELETE FROM source_asset WHERE connector_id = ?", id);
    // Its runs, checkpoints and settings go with the row.
    Jdbc.update(c, "DELETE FROM connector WHERE id = ?", id);
    List<Long> rederived = new AssetRederivation().afterRemoval(c, touched, now);
    new FindingLifecycle().recompute(c, rederived, null, now);
    RescoreQueue.enqueue(c, rederived, now);
    Set<Long> remaining = new HashSet<>(rederived);
    long removed = touched.stream().filter(a -> !remaining.contains(a)).count();
    return new Outcome(Data.PURGE, rederived, removed);
  }
}
