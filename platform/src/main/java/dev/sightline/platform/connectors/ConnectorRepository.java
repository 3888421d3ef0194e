package dev.sightline.platform.connectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest.DataScope;
import dev.sightline.platform.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores connectors. */
public final class ConnectorRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, type, name, description, settings::text AS settings, secrets, data_scope, state,"
          + " created_at, updated_at, filters::text AS filters, schedule::text AS schedule,"
          + " fetch_from, sampling, stale_after_days, purge_stale_after_days";

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
            + " purge_stale_after_days)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)",
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
        c.scope().purgeStaleAfterDays());
  }

  public boolean nameTaken(String name) {
    return jdbc.queryOne("SELECT 1 FROM connector WHERE lower(name) = lower(?)", rs -> 1, name)
        .isPresent();
  }

  public Optional<StoredConnector> find(UUID id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM connector WHERE id = ?", ConnectorRepository::row, id);
  }

  public List<StoredConnector> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM connector ORDER BY created_at, name",
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
            rs.getObject("purge_stale_after_days", Integer.class)));
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
