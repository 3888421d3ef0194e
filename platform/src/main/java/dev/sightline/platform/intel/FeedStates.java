package dev.sightline.platform.intel;

import dev.sightline.platform.db.Jdbc;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is remembered of each feed between updates ({@code intel_feed}, V14). A fetch locks its
 * feed's row for its whole transaction, so two updates (two nodes, or the command beside the
 * server) never fetch the same feed at once: the second waits, then sends the validators the first
 * stored and gets a 304.
 */
final class FeedStates {
  private static final String COLUMNS =
      "source, url, etag, last_modified, nvd_window_end, last_load_id, checked_at,"
          + " succeeded_at, last_error";

  /** One feed's row; absent values are null. */
  record FeedState(
      IntelSource source,
      String url,
      String etag,
      String lastModified,
      Instant nvdWindowEnd,
      Long lastLoadId,
      Instant checkedAt,
      Instant succeededAt,
      String lastError) {

    /**
     * If-None-Match / If-Modified-Since for a fetch of {@code target}: only the validators that
     * came from that same URL, since another server's ETag means nothing.
     */
    Map<String, String> conditionalHeaders(URI target) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (target.toString().equals(url)) {
        if (etag != null) {
          headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
          headers.put("If-Modified-Since", lastModified);
        }
      }
      return headers;
    }

    Optional<Instant> nvdEnd() {
      return Optional.ofNullable(nvdWindowEnd);
    }
  }

  private final Jdbc jdbc;

  FeedStates(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The feed's row, locked until the caller's transaction ends (created when missing). */
  static FeedState lock(Connection c, IntelSource source) throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO intel_feed (source) VALUES (?) ON CONFLICT (source) DO NOTHING",
        source.name());
    return Jdbc.query(
            c,
            "SELECT " + COLUMNS + " FROM intel_feed WHERE source = ? FOR UPDATE",
            FeedStates::state,
            source.name())
        .get(0);
  }

  /** A 304: the stored validators still hold; nothing else changes. */
  static void unchanged(Connection c, IntelSource source, Instant at) throws SQLException {
    Jdbc.update(
        c,
        "UPDATE intel_feed SET checked_at = ?, succeeded_at = ?, last_error = NULL"
            + " WHERE source = ?",
        at,
        at,
        source.name());
  }

  /** A fetch that brought content, recorded in the same transaction as its load. */
  static void fetched(
      Connection c,
      IntelSource source,
      URI url,
      String etag,
      String lastModified,
      long loadId,
      Instant nvdWindowEnd,
      Instant at)
      throws SQLException {
    Jdbc.update(
        c,
        "UPDATE intel_feed SET url = ?, etag = ?::text, last_modified = ?::text,"
            + " nvd_window_end = COALESCE(?::timestamptz, nvd_window_end), last_load_id = ?,"
            + " checked_at = ?,"
            + " succeeded_at = ?, last_error = NULL WHERE source = ?",
        url.toString(),
        etag,
        lastModified,
        nvdWindowEnd,
        loadId,
        at,
        at,
        source.name());
  }

  /** A failed attempt, in its own transaction (the fetch's rolled back); validators are kept. */
  void failed(IntelSource source, String why, Instant at) {
    jdbc.inTransaction(
        c -> {
          Jdbc.update(
              c,
              "INSERT INTO intel_feed (source) VALUES (?) ON CONFLICT (source) DO NOTHING",
              source.name());
          return Jdbc.update(
              c,
              "UPDATE intel_feed SET checked_at = ?, last_error = ? WHERE source = ?",
              at,
              why,
              source.name());
        });
  }

  /** Every feed that was ever fetched, by source. */
  Map<IntelSource, FeedState> all() {
    Map<IntelSource, FeedState> states = new LinkedHashMap<>();
    for (FeedState s :
        jdbc.query("SELECT " + COLUMNS + " FROM intel_feed ORDER BY source", FeedStates::state)) {
      states.put(s.source(), s);
    }
    return states;
  }

  private static FeedState state(ResultSet rs) throws SQLException {
    return new FeedState(
        IntelSource.valueOf(rs.getString(1)),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        instant(rs, 5),
        rs.getObject(6, Long.class),
        instant(rs, 7),
        instant(rs, 8),
        rs.getString(9));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
