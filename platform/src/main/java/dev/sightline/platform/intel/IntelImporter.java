package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Imports CISA KEV, FIRST EPSS and NVD CVE 2.0 files into {@code cve_intel}, one transaction per
 * file: a file that fails leaves the database as it was. Formats are told apart by content; files
 * are streamed (record by record) and may be gzipped. Thread-safe; imports of the same source
 * should not run concurrently (the last to commit wins, as with any upsert).
 */
public final class IntelImporter {
  private final Jdbc jdbc;
  private final Clock clock;
  // The input stays open after the parser is done: the rest is hashed for the load's SHA-256.
  private final ObjectMapper mapper =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  public IntelImporter(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  /**
   * Imports one file and records the load.
   *
   * @throws IntelFileException when the file is missing, unreadable, of no known format or
   *     malformed; the message names the file, the line and field, and what to do
   */
  public IntelLoad importFile(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new IntelFileException(file + ": no such file. Check the path; nothing was imported.");
    }
    IntelSource source = new FormatSniffer(mapper.getFactory()).detect(file, name);
    return jdbc.inTransaction(
        c -> {
          try (InputStream in = Files.newInputStream(file)) {
            return importWithin(c, source, name, in);
          } catch (IOException e) {
            throw new IntelFileException(
                name
                    + ": cannot be read ("
                    + e
                    + "). Check the path and its permissions; nothing was imported.",
                e);
          }
        });
  }

  /**
   * Imports content of a known source as one load inside the caller's transaction (a download
   * streamed straight in); {@code name} is what the load records as its file.
   *
   * @throws IntelFileException when the content is malformed or cannot be read; the caller must
   *     roll back
   */
  IntelLoad importWithin(Connection c, IntelSource source, String name, InputStream raw)
      throws SQLException {
    LoadSession load = begin(c, source, name);
    load.add(raw);
    return load.finish();
  }

  /**
   * Starts a load whose content comes in pieces (NVD API pages), inside the caller's transaction.
   */
  LoadSession begin(Connection c, IntelSource source, String name) throws SQLException {
    return LoadSession.begin(c, source, name, clock.instant(), mapper);
  }
}
