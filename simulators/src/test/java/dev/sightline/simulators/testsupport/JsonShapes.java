package dev.sightline.simulators.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the shape of JSON documents: every field a sample has must exist in the simulated
 * document with the same JSON type, recursively; array elements are compared as the union of all
 * elements (records differ in which optional fields they carry). Numbers are one type, as in JSON.
 */
public final class JsonShapes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonShapes() {}

  public static List<String> differences(JsonNode sample, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", sample, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode sample, JsonNode actual, List<String> out) {
    if (sample.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + " is missing");
      return;
    }
    if (actual.getNodeType() != sample.getNodeType()) {
      out.add(path + " is " + actual.getNodeType() + " but the sample has " + sample.getNodeType());
      return;
    }
    if (sample.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = sample.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        compare(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()), out);
      }
    } else if (sample.isArray() && !sample.isEmpty()) {
      if (actual.isEmpty()) {
        out.add(path + " is an empty array where the sample has elements");
        return;
      }
      compare(path + "[]", union(sample), union(actual), out);
    }
  }

  /** Merges all elements of an array into one node holding every field seen. */
  public static JsonNode union(JsonNode array) {
    JsonNode merged = null;
    for (JsonNode element : array) {
      merged = merged == null ? element.deepCopy() : merge(merged, element);
    }
    return merged;
  }

  private static JsonNode merge(JsonNode into, JsonNode next) {
    if (into.isObject() && next.isObject()) {
      ObjectNode target = (ObjectNode) into;
      next.fields()
          .forEachRemaining(
              f -> {
                JsonNode existing = target.get(f.getKey());
                target.set(
                    f.getKey(),
                    existing == null || existing.isNull()
                        ? f.getValue().deepCopy()
                        : merge(existing, f.getValue()));
              });
      return target;
    }
    if (into.isArray() && next.isArray()) {
      ArrayNode both = MAPPER.createArrayNode();
      both.addAll((ArrayNode) into);
      both.addAll((ArrayNode) next);
      JsonNode merged = union(both);
      ArrayNode out = MAPPER.createArrayNode();
      if (merged != null) {
        out.add(merged);
      }
      return out;
    }
    return into;
  }
}
