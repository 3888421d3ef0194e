package dev.sightline.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes a map in the file format {@link MapFileReader} reads, properties in a fixed order and
 * optional ones left out when unset, so a map saved from the console diffs cleanly against the
 * shipped file.
 */
final class MapFileWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MapFileWriter() {}

  static String write(TransformMap map) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", map.name());
    if (!map.description().isEmpty()) {
      root.put("description", map.description());
    }
    ArrayNode fields = root.putArray("fields");
    map.fields().forEach(field -> fields.add(row(field)));
    try {
      return JSON.writer(printer()).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode row(FieldMapping field) {
    ObjectNode row = JSON.createObjectNode();
    row.put("source", field.sourceLabel());
    row.put("expression", field.expression());
    row.put("target", field.target());
    row.put("appliesTo", field.appliesTo().name());
    row.put("type", field.type().name());
    row.put("required", field.required());
    if (!field.valueMap().isEmpty()) {
      ObjectNode values = row.putObject("valueMap");
      field.valueMap().forEach(values::put);
    }
    field.defaultValue().ifPresent(d -> row.put("default", d));
    row.put("seed", field.fromSeed());
    if (!field.note().isEmpty()) {
      row.put("note", field.note());
    }
    return row;
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    return printer;
  }
}
