package dev.sightline.platform.rescoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.scoring.AssetCriticality;
import dev.sightline.platform.scoring.RiskWeights;
import dev.sightline.platform.scoring.SeverityMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The editable scoring settings: band weights and default criticality (for every asset) and each
 * connector's Risk Severity Mapping. Saving one validates it, stores it and queues the assets whose
 * scores it changes; {@link ScoreRefresher} does the rescoring.
 */
public final class ScoringSettings {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int NOTE_MAX = 500;

  private final Jdbc jdbc;
  private final Clock clock;
  private final SeverityDefaults defaults;

  public ScoringSettings(Jdbc jdbc, Clock clock, SeverityDefaults defaults) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.defaults = defaults;
  }

  /** A connector's mapping and whether a user edited it. */
  public record ConnectorMapping(UUID connectorId, boolean custom, SeverityMapping mapping) {}

  /** Everything a rescoring needs, read once per batch so one batch is scored consistently. */
  record Snapshot(
      RiskWeights weights,
      AssetCriticality criticality,
      Map<UUID, SeverityMapping> mappings,
      SeverityDefaults defaults) {
    SeverityMapping mappingFor(UUID connectorId, String connectorType) {
      SeverityMapping m = mappings.get(connectorId);
      return m != null ? m : defaults.forType(connectorType);
    }
  }

  public RiskWeights weights() {
    return stored("weights").map(RiskWeights::fromJson).orElseGet(RiskWeights::defaults);
  }

  public AssetCriticality criticalityDefaults() {
    return stored("criticality")
        .map(AssetCriticality::fromJson)
        .orElseGet(AssetCriticality::defaults);
  }

  /** Validates and stores the weights; every scored asset is queued. */
  public RiskWeights saveWeights(String json) {
    return saveWeights(parse("weights", () -> RiskWeights.fromJson(json)));
  }

  /** Stores valid weights (a {@link RiskWeights} is valid once built); every asset is queued. */
  public RiskWeights saveWeights(RiskWeights weights) {
    jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          save(c, "weights", weights.toJson());
          RescoreQueue.enqueueAll(c, clock.instant());
          return null;
        });
    return weights;
  }

  /** Validates and stores the default criticality by type; assets without their own are queued. */
  public AssetCriticality saveCriticalityDefaults(String json) {
    return saveCriticalityDefaults(parse("criticality", () -> AssetCriticality.fromJson(json)));
  }

  /** Stores valid default criticalities; assets without their own are queued. */
  public AssetCriticality saveCriticalityDefaults(AssetCriticality criticality) {
    jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          save(c, "criticality", criticality.toJson());
          RescoreQueue.enqueueWithoutOwnCriticality(c, clock.instant());
          return null;
        });
    return criticality;
  }

  public ConnectorMapping severityMapping(UUID connectorId) {
    return jdbc.queryOne(
            "SELECT type, severity_mapping::text FROM connector WHERE id = ?",
            rs ->
                rs.getString(2) == null
                    ? new ConnectorMapping(connectorId, false, defaults.forType(rs.getString(1)))
                    : new ConnectorMapping(
                        connectorId, true, SeverityMapping.fromJson(rs.getString(2))),
            connectorId)
        .orElseThrow(() -> noConnector(connectorId));
  }

  /**
   * Validates and stores a connector's mapping (its {@code connector} field is the connector's type
   * whatever the body says); the assets the connector reports are queued.
   */
  public ConnectorMapping saveSeverityMapping(UUID connectorId, String json) {
    String type = typeOf(connectorId);
    SeverityMapping mapping =
        parse("severity mapping", () -> SeverityMapping.fromJson(withConnector(json, type)));
    storeMapping(connectorId, mapping.toJson());
    return new ConnectorMapping(connectorId, true, mapping);
  }

  /**
   * Stores a valid mapping for a connector, under the connector's type whatever the mapping names;
   * the assets the connector reports are queued.
   */
  public ConnectorMapping saveSeverityMapping(UUID connectorId, SeverityMapping mapping) {
    SeverityMapping own =
        new SeverityMapping(
            typeOf(connectorId),
            mapping.sourceValues(),
            mapping.qdsBySeverity(),
            mapping.defaultSeverity());
    storeMapping(connectorId, own.toJson());
    return new ConnectorMapping(connectorId, true, own);
  }

  /** Back to the seed's defaults for the connector's type. */
  public ConnectorMapping resetSeverityMapping(UUID connectorId) {
    String type = typeOf(connectorId);
    storeMapping(connectorId, null);
    return new ConnectorMapping(connectorId, false, defaults.forType(type));
  }

  /**
   * Sets (or with null, clears back to the default for its type) an asset's criticality and queues
   * the asset; the caller rescores it.
   */
  static void checkCriticality(Integer acs, String note) {
    if (acs != null && (acs < 1 || acs > 5)) {
      throw new InvalidRequestException(
          "criticality",
          "criticality (ACS) must be 1..5, or null"
              + " to use the default for the asset's type; it was "
              + acs);
    }
    if (note != null && note.length() > NOTE_MAX) {
      throw new InvalidRequestException("note", "note is longer than " + NOTE_MAX + " characters");
    }
  }

  /** Stores an asset's criticality in the caller's transaction and queues the asset. */
  void setAssetCriticality(Connection c, long assetId, Integer acs, String note)
      throws SQLException {
    int updated =
        Jdbc.update(
            c,
            "UPDATE asset SET criticality = ?, criticality_note = ? WHERE id = ?",
            acs == null ? null : acs.shortValue(),
            acs == null || note == null || note.isBlank() ? null : note.trim(),
            assetId);
    if (updated == 0) {
      throw new NotFoundException("No asset has id " + assetId);
    }
    RescoreQueue.enqueue(c, java.util.List.of(assetId), clock.instant());
  }

  Snapshot snapshot(Connection c) throws SQLException {
    Map<UUID, SeverityMapping> mappings = new HashMap<>();
    Jdbc.query(
        c,
        "SELECT id, severity_mapping::text FROM connector" + " WHERE severity_mapping IS NOT NULL",
        rs -> mappings.put(rs.getObject(1, UUID.class), SeverityMapping.fromJson(rs.getString(2))));
    Map<String, String> settings = new HashMap<>();
    Jdbc.query(
        c,
        "SELECT name, value::text FROM scoring_settings",
        rs -> settings.put(rs.getString(1), rs.getString(2)));
    return new Snapshot(
        Optional.ofNullable(settings.get("weights"))
            .map(RiskWeights::fromJson)
            .orElseGet(RiskWeights::defaults),
        Optional.ofNullable(settings.get("criticality"))
            .map(AssetCriticality::fromJson)
            .orElseGet(AssetCriticality::defaults),
        mappings,
        defaults);
  }

  private void storeMapping(UUID connectorId, String json) {
    jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          Jdbc.update(
              c,
              "UPDATE connector SET severity_mapping = ?::jsonb WHERE id = ?",
              json,
              connectorId);
          RescoreQueue.enqueueConnector(c, connectorId, clock.instant());
          return null;
        });
  }

  private String typeOf(UUID connectorId) {
    return jdbc.queryOne(
            "SELECT type FROM connector WHERE id = ?", rs -> rs.getString(1), connectorId)
        .orElseThrow(() -> noConnector(connectorId));
  }

  private Optional<String> stored(String name) {
    return jdbc.queryOne(
        "SELECT value::text FROM scoring_settings WHERE name = ?", rs -> rs.getString(1), name);
  }

  private void save(Connection c, String name, String json) throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO scoring_settings (name, value, updated_at) VALUES (?, ?::jsonb, ?)"
            + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value,"
            + " updated_at = EXCLUDED.updated_at",
        name,
        json,
        clock.instant());
  }

  /** The body names no connector (the path does): the stored mapping carries its type. */
  private static String withConnector(String json, String type) {
    try {
      JsonNode body = JSON.readTree(json == null ? "" : json);
      if (!(body instanceof ObjectNode object)) {
        throw new IllegalArgumentException(
            "send a JSON object with sourceValues, qdsBySeverity" + " and defaultSeverity");
      }
      return JSON.writeValueAsString(object.put("connector", type));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static <T> T parse(String what, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          what,
          e.getMessage()
              + ". Nothing was changed; fix the values and send the whole setting again.");
    }
  }

  private static NotFoundException noConnector(UUID id) {
    return new NotFoundException("No connector has id " + id);
  }
}
