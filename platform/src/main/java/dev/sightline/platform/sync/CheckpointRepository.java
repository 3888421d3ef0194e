package dev.sightline.platform.sync;

import dev.sightline.connector.Checkpoint;
import dev.sightline.platform.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The last committed checkpoint of each (connector, stream). */
public final class CheckpointRepository {
  private final Jdbc jdbc;

  public CheckpointRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Checkpoint> find(UUID connectorId, String stream) {
    return jdbc.queryOne(
        "SELECT stream, version, state, complete FROM stream_checkpoint"
            + " WHERE connector_id = ? AND stream = ?",
        rs -> new Checkpoint(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)),
        connectorId,
        stream);
  }

  /**
   * Whether this run already read the stream to its end (its last page committed) before it was
   * taken over: such a stream is not read again.
   */
  public boolean completedBy(UUID connectorId, String stream, UUID runId) {
    return jdbc.queryOne(
            "SELECT 1 FROM stream_checkpoint WHERE connector_id = ? AND stream = ?"
                + " AND run_id = ? AND complete",
            rs -> true,
            connectorId,
            stream,
            runId)
        .isPresent();
  }

  /** When the unfinished read of a stream began (resumed reads keep their start). */
  public Optional<Instant> readStartedAt(UUID connectorId, String stream) {
    return jdbc.queryOne(
        "SELECT read_started_at FROM stream_checkpoint WHERE connector_id = ?"
            + " AND stream = ? AND read_started_at IS NOT NULL",
        rs -> rs.getTimestamp(1).toInstant(),
        connectorId,
        stream);
  }

  /** Saves a checkpoint inside the page's transaction. */
  static void save(
      Connection c, UUID connectorId, UUID runId, Checkpoint cp, Instant readStartedAt, Instant at)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO stream_checkpoint (connector_id, stream, run_id, version, state, complete,"
            + " read_started_at, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (connector_id, stream) DO UPDATE SET run_id = EXCLUDED.run_id,"
            + " version = EXCLUDED.version, state = EXCLUDED.state,"
            + " complete = EXCLUDED.complete, read_started_at = EXCLUDED.read_started_at,"
            + " committed_at = EXCLUDED.committed_at",
        connectorId,
        cp.stream(),
        runId,
        cp.version(),
        cp.state(),
        cp.complete(),
        readStartedAt,
        at);
  }
}
