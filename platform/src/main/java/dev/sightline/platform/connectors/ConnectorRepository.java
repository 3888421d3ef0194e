package dev.sightline.platform.connectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest.DataScope;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores connectors. A connector removed with its records kept ({@code deleted_at} set) is history:
 * no read here returns it, so it leaves every list, cannot be run or edited, and frees its name.
 */
public final class ConnectorRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, type, name, description, settings::text AS settings, secrets, data_scope, state,"
          + " created_at, updated_at, filters::text AS filters, schedule::text AS schedule,"
          + " fetch_from, sampling, stale_after_days, purge_stale_after_days, draft, use_proxy";
  private static final String LIVE = "deleted_at IS NULL";

  private final Jdbc jdbc;

  public ConnectorRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StoredConnector c) {
    jdbc.inTransaction(
        conn -> {
          insert(conn, c);
          dev.sightline.platform.db.Jdbc.update(
              conn,
              "INSERT INTO connector_state_change (connector_id, state, reason, changed_at)"
                  + " VALUES (?, ?, ?, ?)",
              c.id(),
              c.state().name(),
              "created",
              c.createdAt());
          return null;
        });
  }

  private static void insert(java.sql.Connection conn, StoredConnector c)
      throws java.sql.SQLException {
    dev.sightline.platform.db.Jdbc.update(
        conn,
        "INSERT INTO connector (id, type, name, description, settings, secrets, data_scope, state,"
            + " created_at, updated_at, filters, schedule, fetch_from, sampling, stale_after_days,"
            + " purge_stale_after_days, draft, use_proxy)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.type(),
        c.name(),
        c.description(),
        json(c.settings()),
        c.sealedSecrets(),
        c.dataScope().name(),
        c.state().name(),
        c.createdAt(),
        c.updatedAt(),
        json(c.filters().chosen()),
        c.schedule().map(StoredSchedules::json).orElse(null),
        c.scope().fetchFrom(),
        c.scope().sampling(),
        c.scope().staleAfterDays(),
        c.scope().purgeStaleAfterDays(),
        c.draft(),
        c.useProxy());
  }

  /**
   * Writes every setting an edit may change; the state, its history and what runs stored are
   * untouched. A setting added to {@link StoredConnector} that an edit may change goes here too.
   * With {@code forgetReadPositions} (another tenant), the streams' checkpoints go too, so the next
   * run reads in full instead of resuming a cursor or a delta watermark of the old tenant.
   */
  public void update(StoredConnector c, boolean forgetReadPositions) {
    jdbc.inTransaction(
        tx -> {
          update(tx, c);
          if (forgetReadPositions) {
            Jdbc.update(tx, "DELETE FROM stream_checkpoint WHERE connector_id = ?", c.id());
          }
          return null;
        });
  }

  private static void update(Connection tx, StoredConnector c) throws SQLException {
    int updated =
        Jdbc.update(
            tx,
            "UPDATE connector SET name = ?, description = ?, settings = ?::jsonb, secrets = ?,"
                + " data_scope = ?, filters = ?::jsonb, schedule = ?::jsonb, fetch_from = ?,"
                + " sampling = ?, stale_after_days = ?, purge_stale_after_days = ?, draft = ?,"
                + " use_proxy = ?, updated_at = ? WHERE id = ? AND "
                + LIVE,
            c.name(),
            c.description(),
            json(c.settings()),
            c.sealedSecrets(),
            c.dataScope().name(),
            json(c.filters().chosen()),
            c.schedule().map(StoredSchedules::json).orElse(null),
            c.scope().fetchFrom(),
            c.scope().sampling(),
            c.scope().staleAfterDays(),
            c.scope().purgeStaleAfterDays(),
            c.draft(),
            c.useProxy(),
            c.updatedAt(),
            c.id());
    if (updated == 0) {
      throw new NotFoundException("No connector has id " + c.id());
    }
  }

  public boolean nameTaken(String name) {
    return jdbc.queryOne(
            "SELECT 1 FROM connector WHERE lower(name) = lower(?) AND " + LIVE, rs -> 1, name)
        .isPresent();
  }

  /** Whether another live connector than {@code id} has the name (any letter case). */
  public boolean nameTakenByAnother(String name, UUID id) {
    return jdbc.queryOne(
            "SELECT 1 FROM connector WHERE lower(name) = lower(?) AND id <> ? AND " + LIVE,
            rs -> 1,
            name,
            id)
        .isPresent();
  }

  public Optional<StoredConnector> find(UUID id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM connector WHERE id = ? AND " + LIVE,
        ConnectorRepository::row,
        id);
  }

  public List<StoredConnector> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM connector WHERE " + LIVE + " ORDER BY created_at, name",
        ConnectorRepository::row);
  }

  /** Moves the connector to a state and records the change in its history, together. */
  public void updateState(UUID id, ConnectorState state, UUID runId, String reason, Instant at) {
    jdbc.inTransaction(
        c -> {
          dev.sightline.platform.db.Jdbc.update(
              c,
              "UPDATE connector SET state = ?, updated_at = ? WHERE id = ?",
              state.name(),
              at,
              id);
          dev.sightline.platform.db.Jdbc.update(
              c,
              "INSERT INTO connector_state_change (connector_id, state, run_id, reason, changed_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              id,
              state.name(),
              runId,
              reason,
              at);
          return null;
        });
  }

  /** The connector's states, newest first, at most {@code limit}. */
  public List<StateChange> history(UUID id, int limit) {
    return jdbc.query(
        "SELECT state, run_id, reason, changed_at FROM connector_state_change"
            + " WHERE connector_id = ? ORDER BY id DESC LIMIT ?",
        rs ->
            new StateChange(
                ConnectorState.valueOf(rs.getString(1)),
                java.util.Optional.ofNullable(rs.getObject(2, UUID.class)),
                java.util.Optional.ofNullable(rs.getString(3)),
                rs.getTimestamp(4).toInstant()),
        id,
        limit);
  }

  private static StoredConnector row(ResultSet rs) throws SQLException {
    return new StoredConnector(
        rs.getObject("id", UUID.class),
        rs.getString("type"),
        rs.getString("name"),
        rs.getString("description"),
        parse(rs.getString("settings")),
        rs.getBytes("secrets"),
        DataScope.valueOf(rs.getString("data_scope")),
        new SourceFilters(filters(rs.getString("filters"))),
        ConnectorState.valueOf(rs.getString("state")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        java.util.Optional.ofNullable(rs.getString("schedule")).map(StoredSchedules::parse),
        new ConnectorScope(
            rs.getTimestamp("fetch_from").toInstant(),
            rs.getBoolean("sampling"),
            rs.getInt("stale_after_days"),
            rs.getObject("purge_stale_after_days", Integer.class)),
        rs.getBoolean("draft"),
        rs.getBoolean("use_proxy"));
  }

  private static Map<String, List<String>> filters(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, List<String>>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A stored connector's filters are not valid JSON", e);
    }
  }

  static String json(Map<String, ?> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A stored connector's settings are not valid JSON", e);
    }
  }
}
