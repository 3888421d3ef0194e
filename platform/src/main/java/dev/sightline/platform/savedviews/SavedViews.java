package dev.sightline.platform.savedviews;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.export.ExportEntity;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.search.InventorySearch;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved views: stored with their query checked (parsed and compiled through the token catalogue),
 * their sort a sortable token and their columns export columns, so a view that is saved can be run.
 * Who may see or change which view is the API's to decide; this class only stores them.
 */
public final class SavedViews {
  /** Longest view name. */
  public static final int MAX_NAME = 100;

  private static final String SELECT =
      "SELECT v.*, u.username FROM saved_view v JOIN app_user u ON u.id = v.owner_id";

  private final Jdbc jdbc;
  private final InventorySearch search;
  private final Clock clock;

  public SavedViews(Jdbc jdbc, InventorySearch search, Clock clock) {
    this.jdbc = jdbc;
    this.search = search;
    this.clock = clock;
  }

  /** The user's own views and every shared one, by name. */
  public List<SavedView> visibleTo(UUID user) {
    return jdbc.query(
        SELECT
            + " WHERE v.owner_id = ? OR v.shared ORDER BY lower(v.name), lower(u.username), v.id",
        SavedViews::view,
        user);
  }

  public Optional<SavedView> find(UUID id) {
    return jdbc.queryOne(SELECT + " WHERE v.id = ?", SavedViews::view, id);
  }

  /**
   * Saves a new view of {@code owner}'s.
   *
   * @throws InvalidRequestException a missing name or entity, an unknown sort or column
   * @throws dev.sightline.query.QuerySyntaxException a query that cannot be read or compiled
   * @throws ConflictException the owner already has a view of that name
   */
  public SavedView create(UUID owner, ViewDraft draft) {
    if (draft == null) {
      throw new InvalidRequestException(
          "body", "send {\"name\",\"entity\",\"query\",\"sort\",\"columns\",\"shared\"}");
    }
    Checked v =
        check(
            draft.name(),
            draft.entity(),
            draft.query() == null ? "" : draft.query(),
            draft.sort(),
            draft.columns() == null ? List.of() : draft.columns(),
            draft.shared() != null && draft.shared());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    unique(
        v.name(),
        () ->
            jdbc.update(
                "INSERT INTO saved_view (id, owner_id, name, entity, query, sort, columns, shared,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                owner,
                v.name(),
                v.entity().name(),
                v.query(),
                v.sort(),
                v.columns().toArray(String[]::new),
                v.shared(),
                now,
                now));
    return find(id).orElseThrow();
  }

  /**
   * Changes the fields the draft gives and checks the view whole again (a new entity must suit the
   * query, the sort and the columns).
   */
  public SavedView edit(UUID id, ViewDraft changes) {
    SavedView old = find(id).orElseThrow(() -> notFound(id));
    if (changes == null) {
      throw new InvalidRequestException(
          "body", "send the fields to change: name, entity, query, sort, columns, shared");
    }
    Checked v =
        check(
            changes.name() == null ? old.name() : changes.name(),
            changes.entity() == null ? old.entity().name() : changes.entity(),
            changes.query() == null ? old.query() : changes.query(),
            changes.sort() == null ? old.sort() : changes.sort(),
            changes.columns() == null ? old.columns() : changes.columns(),
            changes.shared() == null ? old.shared() : changes.shared());
    unique(
        v.name(),
        () ->
            jdbc.update(
                "UPDATE saved_view SET name = ?, entity = ?, query = ?, sort = ?, columns = ?,"
                    + " shared = ?, updated_at = ? WHERE id = ?",
                v.name(),
                v.entity().name(),
                v.query(),
                v.sort(),
                v.columns().toArray(String[]::new),
                v.shared(),
                clock.instant(),
                id));
    return find(id).orElseThrow(() -> notFound(id));
  }

  /** Removes the view; the view as it was. */
  public SavedView delete(UUID id) {
    SavedView old = find(id).orElseThrow(() -> notFound(id));
    jdbc.update("DELETE FROM saved_view WHERE id = ?", id);
    return old;
  }

  public static NotFoundException notFound(UUID id) {
    return new NotFoundException("No view has id " + id);
  }

  private record Checked(
      String name,
      QueryEntity entity,
      String query,
      String sort,
      List<String> columns,
      boolean shared) {}

  private Checked check(
      String name, String entity, String query, String sort, List<String> columns, boolean shared) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException(
          "name", "is required: 1 to " + MAX_NAME + " characters, no control characters");
    }
    QueryEntity e = QueryEntity.named(entity, "entity");
    // The query is checked as a listing would run it: a broken one is refused with its position.
    search.filter(e, Optional.of(query));
    String s = sort == null || sort.isBlank() ? null : sort.strip();
    if (s != null) {
      search.sortKey(e, Optional.of(s));
    }
    List<String> cols = columns.stream().map(c -> c == null ? "" : c.strip()).toList();
    ExportEntity.valueOf(e.name()).check(cols);
    return new Checked(n, e, query, s, cols, shared);
  }

  /** Runs a write, answering a taken name with a conflict. */
  private static void unique(String name, Runnable write) {
    try {
      write.run();
    } catch (Jdbc.DataAccessException e) {
      if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        throw new ConflictException("You already have a view named '" + name + "'");
      }
      throw e;
    }
  }

  private static SavedView view(ResultSet rs) throws SQLException {
    Array columns = rs.getArray("columns");
    return new SavedView(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("username"),
        rs.getString("name"),
        QueryEntity.valueOf(rs.getString("entity")),
        rs.getString("query"),
        rs.getString("sort"),
        columns == null ? List.of() : Arrays.asList((String[]) columns.getArray()),
        rs.getBoolean("shared"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
