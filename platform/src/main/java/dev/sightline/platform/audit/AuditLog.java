package dev.sightline.platform.audit;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.views.PageOf;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who changed what: entries are only ever added (the table's triggers refuse UPDATE, DELETE and
 * TRUNCATE, V16), each with its before and after values passed through {@link SecretMasking} on the
 * way in, so no caller can store a secret by forgetting to mask it.
 */
public final class AuditLog {
  public static final int MAX_PAGE_SIZE = 500;

  private static final String INSERT =
      "INSERT INTO audit_entry (at, actor, address, action, target, outcome, before, after,"
          + " detail) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";

  private final Jdbc jdbc;
  private final Clock clock;

  public AuditLog(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the entry in a transaction of its own, stamped with this log's clock. */
  public void record(AuditEntry entry) {
    jdbc.inTransaction(
        c -> {
          record(c, entry);
          return null;
        });
  }

  /**
   * Records the entry on the caller's connection, so it commits or rolls back with the change it
   * describes.
   */
  public void record(Connection c, AuditEntry entry) throws SQLException {
    Jdbc.update(
        c,
        INSERT,
        clock.instant(),
        entry.actor(),
        entry.address(),
        entry.action(),
        entry.target(),
        entry.outcome().name(),
        SecretMasking.mask(entry.before()),
        SecretMasking.mask(entry.after()),
        entry.detail());
  }

  /** The entries the query selects, newest first, and how many it selects in all. */
  public PageOf<RecordedEntry> find(AuditQuery q) {
    check(q);
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    q.from()
        .ifPresent(
            from -> {
              clauses.add("at >= ?");
              params.add(from);
            });
    q.to()
        .ifPresent(
            to -> {
              clauses.add("at < ?");
              params.add(to);
            });
    q.actor()
        .filter(a -> !a.isBlank())
        .ifPresent(
            actor -> {
              clauses.add("actor = ?");
              params.add(actor);
            });
    q.action()
        .filter(a -> !a.isBlank())
        .ifPresent(
            action -> {
              if (action.endsWith(".")) {
                clauses.add("action LIKE ? ESCAPE '\\'");
                params.add(likePrefix(action));
              } else {
                clauses.add("action = ?");
                params.add(action);
              }
            });
    String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    List<Object> paged = new ArrayList<>(params);
    paged.add(q.size());
    paged.add((long) q.page() * q.size());
    return jdbc.inTransaction(
        c -> {
          long total =
              Jdbc.query(
                      c,
                      "SELECT count(*) FROM audit_entry" + where,
                      rs -> rs.getLong(1),
                      params.toArray())
                  .get(0);
          List<RecordedEntry> items =
              Jdbc.query(
                  c,
                  "SELECT id, at, actor, address, action, target, outcome, before::text,"
                      + " after::text, detail FROM audit_entry"
                      + where
                      + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                  AuditLog::entry,
                  paged.toArray());
          return new PageOf<>(total, q.page(), q.size(), items);
        });
  }

  private static void check(AuditQuery q) {
    if (q.page() < 0) {
      throw new InvalidRequestException("page", "page starts at 0; it was " + q.page());
    }
    if (q.size() < 1 || q.size() > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be between 1 and " + MAX_PAGE_SIZE + "; it was " + q.size());
    }
    if (q.from().isPresent() && q.to().isPresent() && !q.from().get().isBefore(q.to().get())) {
      throw new InvalidRequestException(
          "to", "to must be after from (from is inclusive, to exclusive)");
    }
  }

  /** The prefix as a LIKE pattern: its own % and _ (and the escape) match only themselves. */
  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static RecordedEntry entry(ResultSet rs) throws SQLException {
    return new RecordedEntry(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        new AuditEntry(
            rs.getString("actor"),
            rs.getString("address"),
            rs.getString("action"),
            rs.getString("target"),
            AuditEntry.Outcome.valueOf(rs.getString("outcome")),
            rs.getString("before"),
            rs.getString("after"),
            rs.getString("detail")));
  }
}
