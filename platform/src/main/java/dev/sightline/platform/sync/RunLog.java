package dev.sightline.platform.sync;

import dev.sightline.platform.db.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's own log: what it did, line by line, each error with its fix; kept for the last {@value
 * #KEEP_RUNS} runs of each connector. Every line also goes to the server log. A line never holds a
 * secret: the connector's secret values are blanked out of every message before it is written.
 */
public final class RunLog {
  static final int KEEP_RUNS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
  private static final String FIX = " To fix: ";

  private final Jdbc jdbc;
  private final Clock clock;

  public RunLog(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One line as shown. */
  public record Line(
      Instant at, String level, Optional<String> stream, String message, Optional<String> fix) {}

  /** The run's lines in the order they were written. */
  public List<Line> lines(UUID runId) {
    return jdbc.query(
        "SELECT at, level, stream, message, fix FROM sync_run_log WHERE run_id = ? ORDER BY id",
        rs ->
            new Line(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                Optional.ofNullable(rs.getString(3)),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5))),
        runId);
  }

  /** Starts writing a run's lines; drops the lines of the connector's runs beyond the last 50. */
  Journal open(UUID runId, UUID connectorId, Collection<String> secrets) {
    jdbc.update(
        "DELETE FROM sync_run_log WHERE run_id IN (SELECT id FROM sync_run WHERE connector_id = ?"
            + " ORDER BY requested_at DESC OFFSET ?)",
        connectorId,
        KEEP_RUNS);
    return new Journal(runId, secrets.stream().filter(s -> s != null && s.length() >= 4).toList());
  }

  /** Writes one run's lines. */
  final class Journal {
    private final UUID runId;
    private final List<String> secrets;

    private Journal(UUID runId, List<String> secrets) {
      this.runId = runId;
      this.secrets = secrets;
    }

    void info(String stream, String message) {
      LOG.info(message);
      write("INFO", stream, message, null);
    }

    void warn(String stream, String message) {
      LOG.warn(message);
      write("WARN", stream, message, null);
    }

    /** An error; a message worded "… To fix: …" is split into the line's message and fix. */
    void error(String stream, String message) {
      LOG.warn(message);
      int at = message.indexOf(FIX);
      if (at < 0) {
        write("ERROR", stream, message, null);
      } else {
        write(
            "ERROR", stream, message.substring(0, at).trim(), message.substring(at + FIX.length()));
      }
    }

    private void write(String level, String stream, String message, String fix) {
      try {
        jdbc.update(
            "INSERT INTO sync_run_log (run_id, at, level, stream, message, fix)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            runId,
            clock.instant(),
            level,
            stream,
            blank(message),
            fix == null ? null : blank(fix));
      } catch (RuntimeException e) {
        // The server log has the line; a run does not fail because its journal could not grow.
        LOG.warn("Could not store a line of run {}'s log: {}", runId, e.getMessage());
      }
    }

    private String blank(String text) {
      String out = text;
      for (String secret : secrets) {
        out = out.replace(secret, "****");
      }
      return out;
    }
  }
}
