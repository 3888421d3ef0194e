package dev.sightline.server.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One connection to the external PostgreSQL before the pool opens, so that an unreachable server, a
 * wrong password or a missing database is one line that says which and what to do.
 */
final class DatabaseProbe {
  private static final String TIMEOUT_SECONDS = "10";

  private DatabaseProbe() {}

  static void connect(ServerSettings settings) {
    String url = settings.dbUrl().orElseThrow();
    Properties props = new Properties();
    settings.dbUser().ifPresent(u -> props.setProperty("user", u));
    settings.dbPassword().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", TIMEOUT_SECONDS);
    props.setProperty("loginTimeout", TIMEOUT_SECONDS);
    try (Connection c = DriverManager.getConnection(url, props)) {
      c.isValid(Integer.parseInt(TIMEOUT_SECONDS));
    } catch (SQLException e) {
      throw refused(settings, e);
    }
  }

  static StartupException refused(ServerSettings settings, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String user = settings.dbUser().orElse("(the driver's default)");
    String where = "the PostgreSQL of SIGHTLINE_DB_URL (" + withoutSecrets(settings) + ")";
    String reason = StartupChecks.oneLine(e.getMessage());
    if (state.equals("28P01") || state.equals("28000")) {
      return new StartupException(
          where + " refused user " + user + ": " + reason,
          "set SIGHTLINE_DB_USER and SIGHTLINE_DB_PASSWORD to an account of that server",
          e);
    }
    if (state.equals("3D000")) {
      return new StartupException(
          where + " has no such database: " + reason,
          "create the database (createdb), or name an existing one in SIGHTLINE_DB_URL",
          e);
    }
    if (state.startsWith("08") || e.getCause() instanceof java.io.IOException) {
      return new StartupException(
          "Cannot reach " + where + ": " + reason,
          "start that PostgreSQL, or correct the host and port in SIGHTLINE_DB_URL (and any"
              + " firewall between them)",
          e);
    }
    return new StartupException(
        "Cannot connect to " + where + ": " + reason,
        "check SIGHTLINE_DB_URL, SIGHTLINE_DB_USER and SIGHTLINE_DB_PASSWORD",
        e);
  }

  /** The URL without its query (which may hold a password) and without user info. */
  private static String withoutSecrets(ServerSettings settings) {
    String url = settings.dbUrl().orElse("");
    int query = url.indexOf('?');
    String bare = query < 0 ? url : url.substring(0, query);
    return bare.replaceFirst("//[^/@]*@", "//");
  }
}
