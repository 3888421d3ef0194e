package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seeds' key rotation through Edit Connector: the client secret is regenerated at the vendor,
 * the old one stops working, and the new one is entered in the connector. Every stored record stays
 * and the next run works with the new secret; a wrong new secret is refused with the checks and
 * changes nothing.
 */
class KeyRotationEndToEndIT {
  private static final String ROTATED = "rotated-secret-7c41";

  private static long total(TestServer server, String path, String connectorId) {
    return server.get(path + "?size=1&connectorId=" + connectorId).json().path("total").asLong();
  }

  private static Map<String, Long> counts(TestServer server, String id) {
    return Map.of(
        "assets", total(server, "/api/v1/assets", id),
        "findings", total(server, "/api/v1/findings", id),
        "detections", total(server, "/api/v1/detections", id));
  }

  private static Map<String, Object> edit(Map<String, Object> fields) {
    return new HashMap<>(fields);
  }

  @Test
  void shouldRotateTheSecretKeepingEveryStoredRecord() throws Exception {
    // One tenant behind one address, before and after its secret is regenerated.
    try (CrowdStrikeSimulator before =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40));
        CrowdStrikeSimulator after =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(40).withCredentials("sim-client", ROTATED));
        SwitchingTcpProxy vendor = new SwitchingTcpProxy(before.baseUrl().getPort());
        TestServer server =
            new TestServer(
                "127.0.0.1",
                Optional.of(before.caCertificatePem() + "\n" + after.caCertificatePem()))) {
      String url = "https://127.0.0.1:" + vendor.port();
      var created =
          server.post(
              "/api/v1/connectors",
              Map.of(
                  "type",
                  "crowdstrike",
                  "name",
                  "Falcon",
                  "auth",
                  Map.of("url", url, "clientId", "sim-client", "clientSecret", "sim-secret")));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      String id = created.json().path("id").asText();
      JsonNode first = CortexXdrEndToEndIT.runToEnd(server, id);
      assertThat(first.path("state").asText()).as(first.toString()).isEqualTo("PROCESSED");
      Map<String, Long> stored = counts(server, id);
      assertThat(stored.get("findings"))
          .isEqualTo(before.manifest().path("vulnerabilities").asLong());

      vendor.switchTo(after.baseUrl().getPort()); // regenerated in the Falcon console
      JsonNode stale = CortexXdrEndToEndIT.runToEnd(server, id);
      assertThat(stale.path("state").asText()).isEqualTo("ERRORED");
      assertThat(stale.path("error").asText()).contains("Edit Connector");

      var typo =
          server.patch(
              "/api/v1/connectors/" + id, edit(Map.of("auth", Map.of("clientSecret", "typo-9d"))));
      assertThat(typo.status()).as(typo.text()).isEqualTo(422);
      assertThat(typo.json().path("checks").get(2).path("status").asText()).isEqualTo("FAILED");
      assertThat(typo.text()).doesNotContain("typo-9d");

      var masked =
          server.patch(
              "/api/v1/connectors/" + id,
              edit(Map.of("description", "rotated", "auth", Map.of("clientSecret", "********"))));
      assertThat(masked.status())
          .as("the mask keeps the stored secret, nothing to test")
          .isEqualTo(200);

      var rotated =
          server.patch(
              "/api/v1/connectors/" + id, edit(Map.of("auth", Map.of("clientSecret", ROTATED))));
      assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
      assertThat(rotated.json().path("auth").path("clientSecret").asText()).isEqualTo("********");
      assertThat(rotated.json().path("description").asText()).isEqualTo("rotated");
      assertThat(rotated.text()).doesNotContain(ROTATED);
      assertThat(counts(server, id)).as("every stored record stays").isEqualTo(stored);

      JsonNode next = CortexXdrEndToEndIT.runToEnd(server, id);
      assertThat(next.path("state").asText()).as(next.toString()).isEqualTo("PROCESSED");
      assertThat(next.path("counters").path("created").asLong()).isZero();
      assertThat(counts(server, id)).isEqualTo(stored);
    }
  }

  @Test
  void shouldAskToConfirmAnotherAddressOverHttp() throws Exception {
    try (CrowdStrikeSimulator sim =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(10));
        CrowdStrikeSimulator other =
            CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(10).withOffset(500));
        TestServer server =
            new TestServer(
                "127.0.0.1",
                Optional.of(sim.caCertificatePem() + "\n" + other.caCertificatePem()))) {
      String id =
          server
              .post(
                  "/api/v1/connectors",
                  Map.of(
                      "type",
                      "crowdstrike",
                      "name",
                      "Falcon",
                      "auth",
                      Map.of(
                          "url",
                          sim.baseUrl().toString(),
                          "clientId",
                          "sim-client",
                          "clientSecret",
                          "sim-secret")))
              .json()
              .path("id")
              .asText();
      Map<String, Object> move = edit(Map.of("auth", Map.of("url", other.baseUrl().toString())));

      var unconfirmed = server.patch("/api/v1/connectors/" + id, move);
      assertThat(unconfirmed.status()).isEqualTo(409);
      assertThat(unconfirmed.json().path("message").asText()).contains("confirmTenantChange");

      move.put("confirmTenantChange", true);
      var moved = server.patch("/api/v1/connectors/" + id, move);
      assertThat(moved.status()).as(moved.text()).isEqualTo(200);
      assertThat(moved.json().path("auth").path("url").asText())
          .isEqualTo(other.baseUrl().toString());

      var unknown =
          server.patch("/api/v1/connectors/" + id, edit(Map.of("auth", Map.of("region", "x"))));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.text()).contains("auth.region");
      assertThat(
              server
                  .patch("/api/v1/connectors/00000000-0000-0000-0000-000000000000", Map.of())
                  .status())
          .isEqualTo(404);
    }
  }
}
