package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A mutable endpoint inventory behind {@link FakeCortexXdr}'s get_endpoint, answering like the API.
 */
final class EndpointDirectory {

  private final TreeMap<String, ObjectNode> endpoints = new TreeMap<>();

  EndpointDirectory add(String... ids) {
    for (String id : ids) {
      endpoints.put(id, FakeCortexXdr.endpoint(id));
    }
    return this;
  }

  EndpointDirectory put(ObjectNode endpoint) {
    endpoints.put(endpoint.path("endpoint_id").asText(), endpoint);
    return this;
  }

  EndpointDirectory remove(String... ids) {
    for (String id : ids) {
      endpoints.remove(id);
    }
    return this;
  }

  /** get_endpoint: filters endpoint_id_list (in) and last_seen (gte), offsets, sorted by id. */
  FakeCortexXdr.Responder responder() {
    return (request, body) -> FakeCortexXdr.json(200, answer(body.path("request_data")));
  }

  private JsonNode answer(JsonNode data) {
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode endpoint : endpoints.values()) {
      if (matches(endpoint, data.path("filters"))) {
        matches.add(endpoint);
      }
    }
    int from = data.path("search_from").asInt(0);
    int to = Math.min(data.path("search_to").asInt(from + 100), matches.size());
    List<ObjectNode> page =
        from >= matches.size() ? List.of() : matches.subList(from, Math.max(from, to));
    return FakeCortexXdr.endpointsBody(page, matches.size());
  }

  private static boolean matches(JsonNode endpoint, JsonNode filters) {
    for (JsonNode filter : filters) {
      String field = filter.path("field").asText();
      if (field.equals("endpoint_id_list")) {
        Set<String> ids = new HashSet<>();
        filter.path("value").forEach(v -> ids.add(v.asText()));
        if (!ids.contains(endpoint.path("endpoint_id").asText())) {
          return false;
        }
      } else if (field.equals("last_seen")
          && endpoint.path("last_seen").asLong() < filter.path("value").asLong()) {
        return false;
      }
    }
    return true;
  }
}
