package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields the seed's maps name but {@code get_endpoint} does not return under that name, added
 * to each endpoint object the connector emits: {@code allIPs} ({@code ip} ∪ {@code ipv6}) and
 * {@code cloud_provider} (from the endpoint's cloud information). Everything else stays as the
 * vendor sent it.
 */
final class CortexXdrEndpointFields {

  static final String ENDPOINT_ID = "endpoint_id";
  static final String LAST_SEEN = "last_seen";
  static final String ALL_IPS = "allIPs";
  static final String CLOUD_PROVIDER = "cloud_provider";
  static final String CVES = "cves";

  private CortexXdrEndpointFields() {}

  /** Adds the derived fields to {@code endpoint} (in place) and returns it. */
  static ObjectNode derive(ObjectNode endpoint) {
    endpoint.set(ALL_IPS, allIps(endpoint));
    cloudProvider(endpoint).ifPresent(p -> endpoint.put(CLOUD_PROVIDER, p));
    return endpoint;
  }

  /** {@code ip} then {@code ipv6}, each a list or a single string, blanks and repeats dropped. */
  static ArrayNode allIps(JsonNode endpoint) {
    Set<String> ips = new LinkedHashSet<>();
    addAll(ips, endpoint.get("ip"));
    addAll(ips, endpoint.get("ipv6"));
    ArrayNode all = CortexXdrWire.JSON.createArrayNode();
    ips.forEach(all::add);
    return all;
  }

  /**
   * The provider named by the endpoint's cloud information: a {@code cloud_provider} already there,
   * else {@code cloud_info.provider} (an object, or the JSON text the XQL endpoints dataset keeps);
   * empty for an on-premises endpoint.
   */
  static Optional<String> cloudProvider(JsonNode endpoint) {
    String direct = text(endpoint.get(CLOUD_PROVIDER));
    if (!direct.isEmpty()) {
      return Optional.of(direct);
    }
    JsonNode info = endpoint.get("cloud_info");
    if (info != null && info.isTextual()) {
      info = parse(info.asText());
    }
    if (info == null || !info.isObject()) {
      return Optional.empty();
    }
    for (String field : new String[] {"provider", "cloud_provider", "vendor"}) {
      String value = text(info.get(field));
      if (!value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The endpoint's {@code last_seen} in epoch ms, 0 when absent or not a number. */
  static long lastSeen(JsonNode endpoint) {
    JsonNode value = endpoint.get(LAST_SEEN);
    return value != null && value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : 0;
  }

  /** The endpoint's id, "" when absent. */
  static String id(JsonNode endpoint) {
    return text(endpoint.get(ENDPOINT_ID));
  }

  private static void addAll(Set<String> into, JsonNode value) {
    if (value == null) {
      return;
    }
    if (value.isArray()) {
      value.forEach(v -> addAll(into, v));
      return;
    }
    String text = text(value);
    if (!text.isEmpty() && !text.toLowerCase(Locale.ROOT).equals("null")) {
      into.add(text);
    }
  }

  private static String text(JsonNode value) {
    return value != null && value.isValueNode() && !value.isNull() ? value.asText().trim() : "";
  }

  private static JsonNode parse(String json) {
    try {
      return CortexXdrWire.JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
