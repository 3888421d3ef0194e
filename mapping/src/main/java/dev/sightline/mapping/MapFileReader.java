package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.RecordKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON shape of a map file into rows, noting every structural problem (a missing or
 * mistyped property, an unknown property, an unknown kind or type) instead of stopping at the
 * first. Whether the rows make sense is {@link MapValidator}'s concern.
 */
final class MapFileReader {

  static final Set<String> MAP_KEYS = Set.of("name", "description", "fields");
  static final Set<String> FIELD_KEYS =
      Set.of(
          "source",
          "expression",
          "target",
          "appliesTo",
          "type",
          "required",
          "valueMap",
          "default",
          "seed",
          "note");

  /**
   * One row as read.
   *
   * @param field the row, or null when it is incomplete (its problems are already noted)
   * @param expression the expression text even when the row is incomplete, so its syntax can still
   *     be checked; null when there is none
   * @param problems what reading found wrong, reported before the row's other problems
   */
  record Row(String label, FieldMapping field, String expression, List<String> problems) {
    Row {
      problems = List.copyOf(problems);
    }

    static Row built(String label, FieldMapping field) {
      return new Row(label, field, field.expression(), List.of());
    }
  }

  record Draft(String name, String description, List<Row> rows) {}

  private MapFileReader() {}

  static Draft read(JsonNode root, List<String> problems) {
    if (root == null || !root.isObject()) {
      problems.add("the map must be a JSON object with name and fields");
      return new Draft("", "", List.of());
    }
    unknownKeys(root, MAP_KEYS, "the map", problems);
    String name = text(root, "name", "the map", problems).orElse("");
    JsonNode rawName = root.get("name");
    if (rawName == null || rawName.isNull() || rawName.isTextual()) {
      // a non-text name is already reported as such
      MapValidator.checkName(name, problems);
    }
    String description = text(root, "description", "the map", problems).orElse("");
    JsonNode fields = root.get("fields");
    List<Row> rows = new ArrayList<>();
    if (fields == null || !fields.isArray()) {
      problems.add("the map must have a \"fields\" list");
    } else {
      for (int i = 0; i < fields.size(); i++) {
        rows.add(readRow(fields.get(i), i));
      }
    }
    return new Draft(name, description, rows);
  }

  private static Row readRow(JsonNode node, int index) {
    String label = label(index, node);
    List<String> problems = new ArrayList<>();
    if (!node.isObject()) {
      problems.add(label + ": must be an object");
      return new Row(label, null, null, problems);
    }
    unknownKeys(node, FIELD_KEYS, label, problems);
    String expression = requiredText(node, "expression", label, problems);
    String target = requiredText(node, "target", label, problems);
    RecordKind kind = enumValue(node, "appliesTo", RecordKind.class, label, problems);
    FieldType type = enumValue(node, "type", FieldType.class, label, problems);
    boolean required = flag(node, "required", label, problems);
    boolean seed = flag(node, "seed", label, problems);
    Map<String, String> valueMap = valueMap(node, label, problems);
    Optional<String> defaultValue = scalarText(node, "default", label, problems);
    String source = text(node, "source", label, problems).orElse(null);
    String note = text(node, "note", label, problems).orElse("");
    if (!problems.isEmpty()) {
      return new Row(label, null, expression, problems);
    }
    FieldMapping row =
        new FieldMapping(
            source, expression, target, kind, type, required, valueMap, defaultValue, seed, note);
    return new Row(label, row, expression, problems);
  }

  static String label(int index, JsonNode node) {
    JsonNode target = node.get("target");
    return target != null && target.isTextual()
        ? "fields[" + index + "] (target '" + target.textValue() + "')"
        : "fields[" + index + "]";
  }

  private static void unknownKeys(
      JsonNode node, Set<String> known, String where, List<String> problems) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String key = property.getKey();
      if (!known.contains(key)) {
        problems.add(
            where
                + ": unknown property \""
                + key
                + "\"; known properties are "
                + known.stream().sorted().toList());
      }
    }
  }

  private static String requiredText(
      JsonNode node, String key, String where, List<String> problems) {
    JsonNode value = node.get(key);
    if (value != null && !value.isNull() && !value.isTextual()) {
      problems.add(where + ": \"" + key + "\" must be a string");
      return null;
    }
    if (value == null || value.isNull() || value.textValue().isBlank()) {
      problems.add(where + ": \"" + key + "\" is required");
      return null;
    }
    return value.textValue();
  }

  private static Optional<String> text(
      JsonNode node, String key, String where, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(where + ": \"" + key + "\" must be a string");
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  // Defaults and value-map values are text in the file, but a number or boolean written bare is
  // accepted as its text because people write {"CRITICAL": 5}.
  private static Optional<String> scalarText(
      JsonNode node, String key, String where, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      problems.add(where + ": \"" + key + "\" must be a string, number or boolean");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private static boolean flag(JsonNode node, String key, String where, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      problems.add(where + ": \"" + key + "\" must be true or false");
      return false;
    }
    return value.booleanValue();
  }

  private static <E extends Enum<E>> E enumValue(
      JsonNode node, String key, Class<E> type, String where, List<String> problems) {
    String text = requiredText(node, key, where, problems);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          where
              + ": unknown "
              + key
              + " \""
              + text
              + "\"; use one of "
              + List.of(type.getEnumConstants()));
      return null;
    }
  }

  private static Map<String, String> valueMap(JsonNode node, String where, List<String> problems) {
    JsonNode value = node.get("valueMap");
    Map<String, String> entries = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return entries;
    }
    if (!value.isObject()) {
      problems.add(where + ": \"valueMap\" must be an object of source value to target value");
      return entries;
    }
    value
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                entries.put(entry.getKey(), entry.getValue().asText());
              } else {
                problems.add(
                    where
                        + ": value map entry \""
                        + entry.getKey()
                        + "\" must map to a string, number or boolean");
              }
            });
    return entries;
  }
}
