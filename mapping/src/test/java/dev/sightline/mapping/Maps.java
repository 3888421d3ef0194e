package dev.sightline.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds maps and records from JSON text for tests. */
final class Maps {

  static final ObjectMapper JSON = new ObjectMapper();

  private Maps() {}

  static TransformMap parse(String json) {
    return TransformMap.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-map.json");
  }

  /** A map with the given rows (JSON objects, comma-separated). */
  static TransformMap withRows(String rows) {
    return parse("{\"name\":\"Test map\",\"fields\":[" + rows + "]}");
  }

  /** A map of one optional row. */
  static TransformMap single(String kind, String type, String target, String expression) {
    return withRows(row(kind, type, target, expression, ""));
  }

  /** One row; {@code extra} is more JSON properties, e.g. {@code ,"required":true}. */
  static String row(String kind, String type, String target, String expression, String extra) {
    return "{\"source\":\"Test "
        + target
        + "\",\"expression\":"
        + quote(expression)
        + ",\"target\":\""
        + target
        + "\",\"appliesTo\":\""
        + kind
        + "\",\"type\":\""
        + type
        + "\""
        + extra
        + "}";
  }

  static JsonNode record(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
