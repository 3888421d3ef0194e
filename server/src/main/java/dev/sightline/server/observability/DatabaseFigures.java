package dev.sightline.server.observability;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.sync.RunState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads the figures Sightline's metrics show from the database, so every node of a cluster shows
 * the same, whichever node ran the sync. Each read is a handful of aggregate statements in one
 * transaction, each bounded by a statement timeout, and the rescore queue's count.
 */
final class DatabaseFigures {
  /** A statement slower than this is cancelled by PostgreSQL; the scrape shows the last figures. */
  private static final String STATEMENT_TIMEOUT = "SET LOCAL statement_timeout = '5s'";

  private final Jdbc jdbc;

  DatabaseFigures(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs of one connector type in one state; durations of those that started and finished. */
  record Runs(String connectorType, String state, long runs, long timed, double timedSeconds) {}

  /** Connectors of one type in one state. */
  record Connectors(String connectorType, String state, long connectors) {}

  /** A connector's latest finished run and its latest successful one. */
  record LastRun(
      String connector,
      String connectorType,
      OptionalDouble lastDurationSeconds,
      OptionalDouble lastSuccessEpochSeconds) {}

  /** What one connector's runs read from one stream, all runs together. */
  record StreamTotals(
      String connector,
      String connectorType,
      String stream,
      long fetched,
      long stored,
      long rejected,
      long elementsFetched,
      long elementsStored,
      long elementsRejected) {}

  /** One read of everything. */
  record Snapshot(
      List<Runs> runs,
      List<Connectors> connectors,
      List<LastRun> lastRuns,
      List<StreamTotals> streams,
      long rescoreQueue) {}

  Snapshot read() {
    Snapshot tables =
        jdbc.inTransaction(
            c -> {
              Jdbc.update(c, STATEMENT_TIMEOUT);
              return new Snapshot(runs(c), connectors(c), lastRuns(c), streams(c), 0);
            });
    return new Snapshot(
        tables.runs(),
        tables.connectors(),
        tables.lastRuns(),
        tables.streams(),
        RescoreQueue.pending(jdbc));
  }

  private static List<Runs> runs(Connection c) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT c.type, r.state, count(*),"
            + " count(r.finished_at - r.started_at),"
            + " coalesce(sum(extract(epoch FROM r.finished_at - r.started_at)), 0)"
            + " FROM sync_run r JOIN connector c ON c.id = r.connector_id"
            + " GROUP BY c.type, r.state",
        rs ->
            new Runs(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5)));
  }

  private static List<Connectors> connectors(Connection c) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT type, state, count(*) FROM connector GROUP BY type, state",
        rs -> new Connectors(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** Each subquery walks the connector's runs newest first on {@code sync_run_connector}. */
  private static List<LastRun> lastRuns(Connection c) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT c.name, c.type,"
            + " (SELECT extract(epoch FROM r.finished_at - r.started_at) FROM sync_run r"
            + "   WHERE r.connector_id = c.id AND r.finished_at IS NOT NULL"
            + "   AND r.started_at IS NOT NULL ORDER BY r.requested_at DESC LIMIT 1),"
            + " (SELECT extract(epoch FROM r.finished_at) FROM sync_run r"
            + "   WHERE r.connector_id = c.id AND r.state = ? AND r.finished_at IS NOT NULL"
            + "   ORDER BY r.requested_at DESC LIMIT 1)"
            + " FROM connector c",
        rs -> new LastRun(rs.getString(1), rs.getString(2), optional(rs, 3), optional(rs, 4)),
        RunState.PROCESSED.name());
  }

  private static List<StreamTotals> streams(Connection c) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT c.name, c.type, s.stream, sum(s.fetched), sum(s.stored), sum(s.rejected),"
            + " sum(s.elements_fetched), sum(s.elements_stored), sum(s.elements_rejected)"
            + " FROM sync_run_stream s JOIN sync_run r ON r.id = s.run_id"
            + " JOIN connector c ON c.id = r.connector_id"
            + " GROUP BY c.id, c.name, c.type, s.stream",
        rs ->
            new StreamTotals(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9)));
  }

  private static OptionalDouble optional(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
