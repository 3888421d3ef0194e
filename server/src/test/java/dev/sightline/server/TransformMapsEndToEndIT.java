package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seeds' Advanced Settings › Transform Map through the REST API: the active maps by the seeds'
 * names, row by row; what GET shows can be sent back as an override; a bad override is a 400 naming
 * the row; DELETE restores the defaults.
 */
class TransformMapsEndToEndIT {

  @Test
  void shouldShowReplaceAndRestoreAConnectorsTransformMaps() throws Exception {
    try (TestServer server = new TestServer("127.0.0.1", Optional.empty())) {
      String id =
          server
              .post(
                  "/api/v1/connectors",
                  Map.of(
                      "type",
                      "cortex-xdr",
                      "name",
                      "maps",
                      // points nowhere: saved as a draft, without the connection test
                      "draft",
                      true,
                      "auth",
                      Map.of(
                          "url", "https://127.0.0.1:1",
                          "apiKeyId", "7",
                          "apiKey", "k",
                          "securityLevel", "standard")))
              .json()
              .path("id")
              .asText();
      String path = "/api/v1/connectors/" + id + "/transform-maps";

      JsonNode shown = server.get(path).json();
      assertThat(shown.path("maps"))
          .extracting(m -> m.path("name").asText())
          .containsExactly(
              "Cortex XDR Asset Transform Map", "Cortex XDR Vulnerability Transform Map");
      assertThat(shown.path("maps").get(0).path("custom").asBoolean()).isFalse();
      assertThat(shown.path("maps").get(0).path("fields").get(0).has("seed")).isTrue();

      ObjectNode edited = shown.deepCopy();
      ((ObjectNode) edited.path("maps").get(0).path("fields").get(0)).put("note", "ours now");
      var saved = server.put(path, edited.toString());
      assertThat(saved.status()).as(saved.text()).isEqualTo(200);
      assertThat(saved.json().path("maps").get(0).path("custom").asBoolean()).isTrue();
      assertThat(
              server
                  .get(path)
                  .json()
                  .path("maps")
                  .get(0)
                  .path("fields")
                  .get(0)
                  .path("note")
                  .asText())
          .isEqualTo("ours now");

      ((ObjectNode) edited.path("maps").get(1).path("fields").get(2)).put("target", "nonsense");
      var refused = server.put(path, edited.toString());
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("problems"))
          .anySatisfy(
              p -> {
                assertThat(p.path("field").asText()).isEqualTo("maps[1].fields[2]");
                assertThat(p.path("message").asText()).contains("nonsense");
              });

      var reset = server.delete(path);
      assertThat(reset.status()).isEqualTo(200);
      assertThat(reset.json().path("maps"))
          .allSatisfy(m -> assertThat(m.path("custom").asBoolean()).isFalse());
    }
  }
}
