package dev.sightline.server.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database {@code serve} uses, reached the way it does: the external PostgreSQL of
 * SIGHTLINE_DB_URL, or the embedded one in the data directory while a server runs it (its {@code
 * postmaster.pid} names the port). The doctor never starts a database itself: an embedded one
 * belongs to the server that owns the data directory.
 */
final class DoctorDatabase {
  private final Optional<DataSource> source;
  private final String where;

  DoctorDatabase(Map<String, String> env) {
    Optional<String> url = Settings.value(env, "SIGHTLINE_DB_URL");
    if (url.isPresent()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(url.get());
      Settings.value(env, "SIGHTLINE_DB_USER").ifPresent(ds::setUser);
      Settings.value(env, "SIGHTLINE_DB_PASSWORD").ifPresent(ds::setPassword);
      ds.setConnectTimeout(10);
      source = Optional.of(ds);
      where = "the PostgreSQL of SIGHTLINE_DB_URL";
    } else {
      Path dir = Settings.dataDir(env).resolve("postgres");
      where = "the embedded PostgreSQL in " + dir;
      source = embeddedPort(dir).map(DoctorDatabase::embedded);
    }
  }

  /** The database to check, or empty when it is the embedded one and no server runs it now. */
  Optional<DataSource> dataSource() {
    return source;
  }

  /** Which database, for the lines printed; never its password. */
  String where() {
    return where;
  }

  private static DataSource embedded(int port) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName("postgres");
    ds.setUser("postgres");
    ds.setConnectTimeout(10);
    return ds;
  }

  /** PostgreSQL writes its port on the fourth line of postmaster.pid while it runs. */
  private static Optional<Integer> embeddedPort(Path dir) {
    Path pid = dir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pid);
      return lines.size() >= 4
          ? Optional.of(Integer.parseInt(lines.get(3).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
