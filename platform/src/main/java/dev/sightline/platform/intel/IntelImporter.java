package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.CveIntelWriter.Statement;
import dev.sightline.platform.rescoring.RescoreQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports CISA KEV, FIRST EPSS and NVD CVE 2.0 files into {@code cve_intel}, one transaction per
 * file: a file that fails leaves the database as it was. Formats are told apart by content; files
 * are streamed (record by record) and may be gzipped. Thread-safe; imports of the same source
 * should not run concurrently (the last to commit wins, as with any upsert).
 */
public final class IntelImporter {
  private static final Logger LOG = LoggerFactory.getLogger(IntelImporter.class);

  private final Jdbc jdbc;
  private final Clock clock;
  // The file stays open after the parser is done: the rest is hashed for the load's SHA-256.
  private final ObjectMapper mapper =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  public IntelImporter(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  /** What one source's reader found, beside what the writer counted. */
  private record Outcome(
      String version,
      Instant sourceDate,
      long records,
      long inserted,
      long updated,
      long removed) {}

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
    Instant now = clock.instant();
    IntelLoad load = jdbc.inTransaction(c -> load(c, file, name, source, now));
    LOG.info(
        "Imported {} {} (version {}, dated {}): {} records, {} new, {} updated, {} removed",
        load.source(),
        name,
        load.version(),
        load.sourceDate(),
        load.records(),
        load.inserted(),
        load.updated(),
        load.removed());
    return load;
  }

  private IntelLoad load(Connection c, Path file, String name, IntelSource source, Instant now)
      throws SQLException {
    long loadId =
        Jdbc.query(
                c,
                "INSERT INTO intel_load (source, file_name, sha256, loaded_at)"
                    + " VALUES (?, ?, '', ?) RETURNING id",
                rs -> rs.getLong(1),
                source.name(),
                name,
                now)
            .get(0);
    try (IntelInput input = IntelInput.open(file)) {
      Outcome o =
          switch (source) {
            case KEV -> kev(c, input, name, loadId, now);
            case EPSS -> epss(c, input, name, loadId, now);
            case NVD -> nvd(c, input, name, loadId, now);
          };
      String sha256 = input.sha256();
      long unchanged = Math.max(0, o.records() - o.inserted() - o.updated());
      Jdbc.update(
          c,
          "UPDATE intel_load SET sha256 = ?, version = ?, source_date = ?, records = ?,"
              + " inserted = ?, updated = ?, unchanged = ?, removed = ? WHERE id = ?",
          sha256,
          o.version(),
          o.sourceDate(),
          o.records(),
          o.inserted(),
          o.updated(),
          unchanged,
          o.removed(),
          loadId);
      // Stored findings are rescored with what changed; taken last, the inventory lock is held
      // only for this statement, not for the whole import.
      InventoryLock.hold(c);
      int queued =
          RescoreQueue.enqueueIntelChangedSince(c, now.truncatedTo(ChronoUnit.MILLIS), now);
      LOG.info(
          "{} asset(s) have findings whose intelligence changed: queued for rescoring", queued);
      return new IntelLoad(
          loadId,
          source,
          name,
          sha256,
          o.version(),
          o.sourceDate(),
          now,
          o.records(),
          o.inserted(),
          o.updated(),
          unchanged,
          o.removed());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IntelFileException(
          name
              + ", line "
              + line
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "). The file is truncated or damaged: re-download it."
              + " Nothing from this file was imported.",
          e);
    } catch (IOException e) {
      throw new IntelFileException(
          name
              + ": cannot be read ("
              + e
              + "). Check the"
              + " file (a damaged .gz?) and re-download it. Nothing from this file was imported.",
          e);
    }
  }

  private Outcome kev(Connection c, IntelInput input, String name, long loadId, Instant now)
      throws IOException, SQLException {
    CveIntelWriter writer =
        new CveIntelWriter(c, Statement.KEV, loadId, CveIntelWriter.timestamp(now));
    KevReader.Catalog catalog;
    try (JsonParser p = mapper.createParser(input.content())) {
      catalog =
          new KevReader(name)
              .read(
                  p,
                  e ->
                      writer.add(
                          e.cveId(),
                          e.dateAdded(),
                          e.dueDate(),
                          e.knownRansomware() ? "known" : "unknown"));
      requireEnd(p, name);
    }
    writer.flush();
    refuseOlderCatalog(c, catalog, loadId, name);
    // The catalog is complete (its count was checked), so a CVE it no longer lists left KEV.
    int removed =
        Jdbc.update(
            c,
            "UPDATE cve_intel SET in_kev = false, kev_date_added = NULL,"
                + " kev_due_date = NULL, kev_ransomware = NULL, kev_load_id = ?, updated_at = ?"
                + " WHERE in_kev AND kev_load_id IS DISTINCT FROM ?",
            loadId,
            now,
            loadId);
    return new Outcome(
        catalog.version(),
        catalog.released(),
        catalog.entries(),
        writer.inserted(),
        writer.updated(),
        removed);
  }

  /** Loading an older catalog over a newer one would resurrect entries CISA has removed. */
  private static void refuseOlderCatalog(
      Connection c, KevReader.Catalog catalog, long loadId, String name) throws SQLException {
    Optional<String> newer =
        Jdbc.query(
                c,
                "SELECT version, source_date FROM intel_load"
                    + " WHERE source = 'KEV' AND id <> ? AND source_date > ?"
                    + " ORDER BY source_date DESC LIMIT 1",
                rs ->
                    rs.getString(1)
                        + " (released "
                        + rs.getObject(2, java.time.OffsetDateTime.class).toInstant()
                        + ")",
                loadId,
                catalog.released())
            .stream()
            .findFirst();
    if (newer.isPresent()) {
      throw new IntelFileException(
          name
              + ": KEV catalog "
              + catalog.version()
              + " (released "
              + catalog.released()
              + ") is older than the catalog already loaded, "
              + newer.get()
              + ". Import the current catalog from CISA instead. Nothing from this file was imported.");
    }
  }

  private static Outcome epss(Connection c, IntelInput input, String name, long loadId, Instant now)
      throws IOException, SQLException {
    EpssReader reader = new EpssReader(input.content(), name);
    EpssReader.Header header = reader.header();
    CveIntelWriter writer =
        new CveIntelWriter(
            c, Statement.EPSS, header.scoreDay(), loadId, CveIntelWriter.timestamp(now));
    long records = reader.rows(r -> writer.add(r.cveId(), r.score(), r.percentile(), r.cvss3()));
    writer.flush();
    return new Outcome(
        header.modelVersion(), header.scoreDate(), records, writer.inserted(), writer.updated(), 0);
  }

  private Outcome nvd(Connection c, IntelInput input, String name, long loadId, Instant now)
      throws IOException, SQLException {
    CveIntelWriter writer =
        new CveIntelWriter(c, Statement.NVD, loadId, CveIntelWriter.timestamp(now));
    NvdReader.Feed feed;
    try (JsonParser p = mapper.createParser(input.content())) {
      feed =
          new NvdReader(name)
              .read(
                  p,
                  r ->
                      writer.add(
                          r.cveId(),
                          r.published().toString(),
                          r.lastModified().toString(),
                          r.cvssV3Base(),
                          r.cvssV3Vector(),
                          r.cvssV2Base()));
      requireEnd(p, name);
    }
    writer.flush();
    return new Outcome(
        feed.version(), feed.sourceDate(), feed.records(), writer.inserted(), writer.updated(), 0);
  }

  private static void requireEnd(JsonParser p, String name) throws IOException {
    if (p.nextToken() != null) {
      throw new IntelFileException(
          name
              + ", line "
              + p.currentTokenLocation().getLineNr()
              + ": more JSON after the end of the document. The file is damaged or two files were"
              + " joined: re-download it. Nothing from this file was imported.");
    }
  }
}
