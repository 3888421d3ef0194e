package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the scope end-to-end tests read back through the REST API, for one connector. */
final class ScopeChecks {
  private ScopeChecks() {}

  /** Every detection the connector stored, read page by page. */
  static List<JsonNode> detections(TestServer server, String connectorId) {
    return all(server, "/api/v1/detections?connectorId=" + connectorId);
  }

  /** The vendor ids of the connector's source records, over every asset it reports. */
  static Set<String> sourceRecordIds(TestServer server, String connectorId) {
    Set<String> ids = new HashSet<>();
    for (JsonNode asset : assets(server, connectorId)) {
      for (JsonNode source : asset.path("sources")) {
        if (source.path("connectorId").asText().equals(connectorId)) {
          ids.add(source.path("sourceRecordId").asText());
        }
      }
    }
    return ids;
  }

  static List<JsonNode> assets(TestServer server, String connectorId) {
    return all(server, "/api/v1/assets?connectorId=" + connectorId);
  }

  /** Each stream's records and the findings inside them were all stored or rejected. */
  static void assertNothingLost(JsonNode run) {
    run.path("counters")
        .path("streams")
        .forEach(
            s -> {
              assertThat(s.path("fetched").asLong())
                  .isEqualTo(s.path("stored").asLong() + s.path("rejected").asLong());
              assertThat(s.path("elementsFetched").asLong())
                  .isEqualTo(
                      s.path("elementsStored").asLong() + s.path("elementsRejected").asLong());
            });
  }

  private static List<JsonNode> all(TestServer server, String path) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = server.get(path + "&size=1000&page=" + page).json();
      answer.path("items").forEach(items::add);
      if (items.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
        return items;
      }
    }
  }
}
