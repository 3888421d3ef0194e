package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Describes a value for a problem message. Quotes at most one shortened scalar and only names the
 * shape of lists and objects, so a message never carries a whole record.
 */
final class ValueText {

  private static final int MAX_QUOTED = 60;

  private ValueText() {}

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list of " + node.size() + (node.size() == 1 ? " value" : " values");
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    return node.asText();
  }

  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    return '"' + shown.replace("\n", "\\n") + '"';
  }
}
