package dev.sightline.platform.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorDescriptor.DefaultMap;
import dev.sightline.mapping.FieldMapping;
import dev.sightline.mapping.MapValidationException;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import dev.sightline.platform.errors.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A connector's active transform maps: its defaults (by the seeds' names), or the overrides a user
 * saved in their place. An override is validated whole before it is stored (every row compiles,
 * names a known target of the right type, and keeps every target its default requires); the next
 * run maps with it. Stored assets and findings are untouched until then.
 */
public final class TransformMaps {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectorService connectors;
  private final Jdbc jdbc;
  private final Clock clock;

  public TransformMaps(ConnectorService connectors, Jdbc jdbc, Clock clock) {
    this.connectors = connectors;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One active map and whether a user replaced the default. */
  public record ActiveMap(TransformMap map, boolean custom) {}

  /** The maps a run of the connector uses, in the order of its defaults. */
  public List<ActiveMap> active(UUID connectorId) {
    StoredConnector stored = connectors.stored(connectorId);
    Map<String, TransformMap> overrides = overrides(connectorId);
    List<ActiveMap> out = new ArrayList<>();
    for (DefaultMap d : connectors.descriptorOf(stored).defaultMaps()) {
      TransformMap own = overrides.get(d.name());
      out.add(
          own != null
              ? new ActiveMap(own, true)
              : new ActiveMap(TransformMap.fromClasspath(d.resource()), false));
    }
    return out;
  }

  /**
   * Validates and stores overrides: a JSON object {@code {"maps":[<map file>…]}}, each map named
   * like one of the connector's defaults. Every problem of every map is reported at once, naming
   * the map and the row; nothing is stored unless all are valid.
   */
  public List<ActiveMap> save(UUID connectorId, String body) {
    StoredConnector stored = connectors.stored(connectorId);
    ConnectorDescriptor descriptor = connectors.descriptorOf(stored);
    Map<String, DefaultMap> defaults =
        descriptor.defaultMaps().stream()
            .collect(Collectors.toMap(DefaultMap::name, d -> d, (a, b) -> a, LinkedHashMap::new));
    JsonNode maps = readMaps(body);
    List<Problem> problems = new ArrayList<>();
    ArrayNode kept = JSON.createArrayNode();
    for (int i = 0; i < maps.size(); i++) {
      String field = "maps[" + i + "]";
      asMapFile(maps.get(i));
      String name = maps.get(i).path("name").asText("");
      DefaultMap replaces = defaults.get(name);
      if (replaces == null) {
        problems.add(
            new Problem(
                field + ".name",
                "'" + name + "' is not one of this connector's maps: use " + defaults.keySet()));
        continue;
      }
      try {
        TransformMap map =
            TransformMap.parse(
                new ByteArrayInputStream(maps.get(i).toString().getBytes(StandardCharsets.UTF_8)),
                name);
        missingRequired(TransformMap.fromClasspath(replaces.resource()), map)
            .forEach(target -> problems.add(new Problem(field + ".fields", target)));
        kept.add(JSON.readTree(map.toJson()));
      } catch (MapValidationException e) {
        e.problems().forEach(p -> problems.add(new Problem(field + "." + rowOf(p), p)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    jdbc.update(
        "UPDATE connector SET transform_maps = ?::jsonb, updated_at = ? WHERE id = ?",
        kept.toString(),
        clock.instant(),
        connectorId);
    return active(connectorId);
  }

  /** Back to the connector's default maps. */
  public List<ActiveMap> reset(UUID connectorId) {
    connectors.stored(connectorId);
    jdbc.update(
        "UPDATE connector SET transform_maps = NULL, updated_at = ? WHERE id = ?",
        clock.instant(),
        connectorId);
    return active(connectorId);
  }

  /**
   * What GET shows back as a map file: without the answer-only {@code custom} flag and the keys a
   * row leaves empty ({@code null}), so a map can be read, edited and sent back as it is.
   */
  private static void asMapFile(JsonNode map) {
    if (map instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.remove("custom");
      for (JsonNode row : o.path("fields")) {
        if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode r) {
          List<String> empty = new ArrayList<>();
          r.fields()
              .forEachRemaining(
                  e -> {
                    if (e.getValue().isNull()) {
                      empty.add(e.getKey());
                    }
                  });
          r.remove(empty);
        }
      }
    }
  }

  /** Targets the default requires that the override maps with no row at all. */
  private static List<String> missingRequired(TransformMap byDefault, TransformMap override) {
    Set<String> mapped =
        override.fields().stream()
            .map(f -> f.appliesTo() + "/" + f.target())
            .collect(Collectors.toSet());
    return byDefault.fields().stream()
        .filter(FieldMapping::required)
        .filter(f -> !mapped.contains(f.appliesTo() + "/" + f.target()))
        .map(
            f ->
                "the default map requires "
                    + f.appliesTo()
                    + " target '"
                    + f.target()
                    + "' (from '"
                    + f.sourceLabel()
                    + "'): keep a row for it")
        .toList();
  }

  /** {@code fields[3]} from a problem sentence that names its row, else {@code fields}. */
  private static String rowOf(String problem) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("fields\\[\\d+]").matcher(problem);
    return m.find() ? m.group() : "fields";
  }

  private static JsonNode readMaps(String body) {
    JsonNode root;
    try {
      root = body == null ? null : JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.path("maps").isArray() || root.path("maps").isEmpty()) {
      throw new InvalidRequestException(
          "maps", "send {\"maps\": [<transform map>, …]}, each map as GET shows it");
    }
    return root.path("maps");
  }

  private Map<String, TransformMap> overrides(UUID connectorId) {
    java.util.Optional<String> stored =
        jdbc.queryOne(
                "SELECT transform_maps::text FROM connector WHERE id = ?",
                rs -> java.util.Optional.ofNullable(rs.getString(1)),
                connectorId)
            .orElseThrow(() -> new NotFoundException("No connector has id " + connectorId));
    Map<String, TransformMap> out = new LinkedHashMap<>();
    if (stored.isEmpty()) {
      return out;
    }
    try {
      for (JsonNode map : JSON.readTree(stored.get())) {
        TransformMap parsed =
            TransformMap.parse(
                new ByteArrayInputStream(map.toString().getBytes(StandardCharsets.UTF_8)),
                map.path("name").asText());
        out.put(parsed.name(), parsed);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a connector's stored transform maps are not JSON", e);
    }
    return out;
  }
}
