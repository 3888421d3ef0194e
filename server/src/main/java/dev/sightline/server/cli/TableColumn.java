package dev.sightline.server.cli;

import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * One column of {@code sightline query}'s table: its name (the export's name for the same value),
 * where the listing's JSON holds it, whether it is a number (right-aligned) and how wide it may
 * grow before it is cut.
 */
record TableColumn(String name, boolean numeric, int maxWidth, Function<JsonNode, String> value) {

  static TableColumn number(String name, String field) {
    return new TableColumn(name, true, 20, item -> scalar(item.path(field)));
  }

  static TableColumn text(String name, String field, int maxWidth) {
    return new TableColumn(name, false, maxWidth, item -> scalar(item.path(field)));
  }

  /** A list of values, joined by {@code separator}. */
  static TableColumn list(String name, String field, String separator, int maxWidth) {
    return new TableColumn(
        name,
        false,
        maxWidth,
        item ->
            StreamSupport.stream(item.path(field).spliterator(), false)
                .map(TableColumn::scalar)
                .filter(v -> !v.isEmpty())
                .distinct()
                .collect(Collectors.joining(separator)));
  }

  static String scalar(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()
        ? ""
        : node.asString();
  }
}
