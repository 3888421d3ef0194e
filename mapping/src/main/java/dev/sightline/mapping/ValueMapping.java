package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A row's value map and default, applied to what its expression yielded and before conversion. Keys
 * match case-insensitively because vendors are not consistent about case ({@code confirmed}, {@code
 * CRITICAL}). A value the map lacks becomes the default when the row has one, and is kept as it is
 * otherwise, so a map may rename only some values.
 */
final class ValueMapping {

  private final TreeMap<String, String> entries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final JsonNode defaultNode;

  ValueMapping(Map<String, String> valueMap, Optional<String> defaultValue) {
    entries.putAll(valueMap);
    this.defaultNode = defaultValue.<JsonNode>map(TextNode::valueOf).orElse(NullNode.getInstance());
  }

  /** The value to convert: mapped, defaulted when empty or unmapped, else as yielded. */
  JsonNode resolve(JsonNode yielded) {
    JsonNode mapped = entries.isEmpty() ? yielded : map(yielded);
    return Conversions.isEmpty(mapped) ? defaultNode : mapped;
  }

  private JsonNode map(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode() || value.isObject()) {
      return value;
    }
    if (value.isArray()) {
      ArrayNode mapped = JsonNodeFactory.instance.arrayNode(value.size());
      value.forEach(element -> mapped.add(map(element)));
      return mapped;
    }
    String replacement = entries.get(value.asText());
    if (replacement != null) {
      return TextNode.valueOf(replacement);
    }
    return defaultNode.isNull() ? value : defaultNode;
  }
}
