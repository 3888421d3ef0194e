package dev.sightline.platform.sync;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.secrets.SecretCipher;

/** Words a run's failure for the user: what went wrong and what to do. */
final class RunFailure {
  private RunFailure() {}

  /** SQL state class 08 (connection exception), 57P (operator intervention), or a dead pool. */
  private static boolean lostDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("Connection is closed")
            || message.contains("connection has been closed")) {
          return true;
        }
      }
    }
    return false;
  }

  static String describe(Throwable e) {
    if (e instanceof PermanentException p) {
      return p.getMessage();
    }
    if (e instanceof RetryableException r) {
      return "The vendor kept failing after every retry ("
          + r.getMessage()
          + "). To fix: check the vendor's status and start the run again; it resumes from the"
          + " last committed page.";
    }
    if (e instanceof UnexpectedResponseException u) {
      return "The vendor answered in a way Sightline does not understand: "
          + u.getMessage()
          + ". To fix: start the run again; if it persists, report it with this message.";
    }
    if (e instanceof InvalidRequestException i) {
      return i.getMessage() + ". To fix: edit the connector or the server's settings.";
    }
    if (e instanceof SecretCipher.SecretUnreadableException s) {
      return "The connector's secret cannot be read: "
          + s.getMessage()
          + ". To fix: restore the master key, or enter the secret again with Edit Connector.";
    }
    if (e instanceof UnaccountedRecordsException u) {
      return u.getMessage();
    }
    if (e instanceof dev.sightline.platform.db.Jdbc.DataAccessException d && lostDatabase(d)) {
      return "The connection to PostgreSQL was lost mid-run (the database stopped, restarted or"
          + " failed over: "
          + d.getMessage()
          + "). Every page committed before it is kept. To fix: check that PostgreSQL is up,"
          + " then start the run again; it resumes from the last committed page.";
    }
    if (e instanceof InterruptedException) {
      return "The run was cancelled (the server stopped or the run was interrupted)."
          + " To fix: start it again; it resumes from the last committed page.";
    }
    return "Unexpected error ("
        + e.getClass().getSimpleName()
        + "): "
        + e.getMessage()
        + ". To fix: start the run again; it resumes from the last committed page.";
  }
}
