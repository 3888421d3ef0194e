package dev.sightline.platform.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.CveIntelWriter.Statement;
import dev.sightline.platform.rescoring.RescoreQueue;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One versioned load written inside the caller's transaction: its content arrives in one piece (a
 * file, a download) or, for NVD API answers, page by page; {@link #finish} records the load and
 * queues for rescoring the assets whose findings' intelligence it changed. The caller's rollback
 * undoes all of it. Not thread-safe: one per load.
 */
final class LoadSession {
  private static final Logger LOG = LoggerFactory.getLogger(LoadSession.class);

  private final Connection c;
  private final IntelSource source;
  private final String name;
  private final Instant now;
  private final ObjectMapper mapper;
  private final long loadId;
  private final MessageDigest digest = IntelInput.newDigest();
  private String version;
  private Instant sourceDate;
  private long records;
  private long inserted;
  private long updated;
  private long removed;
  private int pieces;

  /** What one piece held: its records and, for an NVD API answer, how many its query matches. */
  record Piece(long records, OptionalLong totalResults) {}

  private LoadSession(
      Connection c,
      IntelSource source,
      String name,
      Instant now,
      ObjectMapper mapper,
      long loadId) {
    this.c = c;
    this.source = source;
    this.name = name;
    this.now = now;
    this.mapper = mapper;
    this.loadId = loadId;
  }

  /** Starts a load; {@code name} is what it records as its file (a file name or a URL). */
  static LoadSession begin(
      Connection c, IntelSource source, String name, Instant now, ObjectMapper mapper)
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
    return new LoadSession(c, source, name, now, mapper, loadId);
  }

  /**
   * Reads one piece (gzip or not) to its end and stores its records. KEV and EPSS come whole, in
   * one piece; NVD may come in pages.
   *
   * @throws IntelFileException when the content is malformed or cannot be read; the caller's
   *     transaction must then roll back
   */
  Piece add(InputStream raw) throws SQLException {
    if (pieces++ > 0 && source != IntelSource.NVD) {
      throw new IllegalStateException(source + " content comes in one piece");
    }
    try (IntelInput input = IntelInput.open(raw, digest)) {
      Piece piece =
          switch (source) {
            case KEV -> kev(input);
            case EPSS -> epss(input);
            case NVD -> nvd(input);
          };
      input.drain();
      records += piece.records();
      return piece;
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

  /** Records the load and queues the assets whose findings' intelligence changed. */
  IntelLoad finish() throws SQLException {
    String sha256 = IntelInput.hex(digest);
    long unchanged = Math.max(0, records - inserted - updated);
    Jdbc.update(
        c,
        "UPDATE intel_load SET sha256 = ?, version = ?, source_date = ?, records = ?,"
            + " inserted = ?, updated = ?, unchanged = ?, removed = ? WHERE id = ?",
        sha256,
        version,
        sourceDate,
        records,
        inserted,
        updated,
        unchanged,
        removed,
        loadId);
    // Stored findings are rescored with what changed; taken last, the inventory lock is held
    // only for this statement, not for the whole import.
    InventoryLock.hold(c);
    int queued = RescoreQueue.enqueueIntelChangedSince(c, now.truncatedTo(ChronoUnit.MILLIS), now);
    IntelLoad load =
        new IntelLoad(
            loadId,
            source,
            name,
            sha256,
            version,
            sourceDate,
            now,
            records,
            inserted,
            updated,
            unchanged,
            removed);
    LOG.info(
        "Imported {} {} (version {}, dated {}): {} records, {} new, {} updated, {} removed;"
            + " {} asset(s) queued for rescoring",
        source,
        name,
        version,
        sourceDate,
        records,
        inserted,
        updated,
        removed,
        queued);
    return load;
  }

  private Piece kev(IntelInput input) throws IOException, SQLException {
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
      requireEnd(p);
    }
    writer.flush();
    refuseOlderCatalog(catalog);
    // The catalog is complete (its count was checked), so a CVE it no longer lists left KEV.
    removed =
        Jdbc.update(
            c,
            "UPDATE cve_intel SET in_kev = false, kev_date_added = NULL,"
                + " kev_due_date = NULL, kev_ransomware = NULL, kev_load_id = ?, updated_at = ?"
                + " WHERE in_kev AND kev_load_id IS DISTINCT FROM ?",
            loadId,
            now,
            loadId);
    version = catalog.version();
    sourceDate = catalog.released();
    inserted = writer.inserted();
    updated = writer.updated();
    return new Piece(catalog.entries(), OptionalLong.empty());
  }

  /** Loading an older catalog over a newer one would resurrect entries CISA has removed. */
  private void refuseOlderCatalog(KevReader.Catalog catalog) throws SQLException {
    Optional<String> newer =
        Jdbc.query(
                c,
                "SELECT version, source_date FROM intel_load"
                    + " WHERE source = 'KEV' AND id <> ? AND source_date > ?"
                    + " ORDER BY source_date DESC LIMIT 1",
                rs ->
                    rs.getString(1)
                        + " (released "
                        + rs.getObject(2, OffsetDateTime.class).toInstant()
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

  private Piece epss(IntelInput input) throws IOException, SQLException {
    EpssReader reader = new EpssReader(input.content(), name);
    EpssReader.Header header = reader.header();
    CveIntelWriter writer =
        new CveIntelWriter(
            c, Statement.EPSS, header.scoreDay(), loadId, CveIntelWriter.timestamp(now));
    long rows = reader.rows(r -> writer.add(r.cveId(), r.score(), r.percentile(), r.cvss3()));
    writer.flush();
    version = header.modelVersion();
    sourceDate = header.scoreDate();
    inserted = writer.inserted();
    updated = writer.updated();
    return new Piece(rows, OptionalLong.empty());
  }

  private Piece nvd(IntelInput input) throws IOException, SQLException {
    CveIntelWriter writer =
        new CveIntelWriter(c, Statement.NVD, loadId, CveIntelWriter.timestamp(now));
    NvdReader reader = new NvdReader(name);
    NvdReader.Feed feed;
    try (JsonParser p = mapper.createParser(input.content())) {
      feed =
          reader.read(
              p,
              r ->
                  writer.add(
                      r.cveId(),
                      r.published().toString(),
                      r.lastModified().toString(),
                      r.cvssV3Base(),
                      r.cvssV3Vector(),
                      r.cvssV2Base()));
      requireEnd(p);
    }
    writer.flush();
    // Pages of one answer share their format; the load is dated by its newest page.
    if (version == null) {
      version = feed.version();
    }
    if (feed.sourceDate() != null
        && (sourceDate == null || feed.sourceDate().isAfter(sourceDate))) {
      sourceDate = feed.sourceDate();
    }
    inserted += writer.inserted();
    updated += writer.updated();
    return new Piece(feed.records(), reader.totalResults());
  }

  private void requireEnd(JsonParser p) throws IOException {
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
