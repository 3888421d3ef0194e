package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Cortex XDR path end to end through the REST API, standard and advanced keys. */
class CortexXdrEndToEndIT {

  static JsonNode register(
      TestServer server, String name, CortexXdrSimulator sim, Map<String, String> overrides) {
    return register(server, name, sim, overrides, false);
  }

  /** A draft is saved without the connection test, so a run can show what a bad setting does. */
  static JsonNode registerDraft(
      TestServer server, String name, CortexXdrSimulator sim, Map<String, String> overrides) {
    return register(server, name, sim, overrides, true);
  }

  private static JsonNode register(
      TestServer server,
      String name,
      CortexXdrSimulator sim,
      Map<String, String> overrides,
      boolean draft) {
    Map<String, String> auth =
        new HashMap<>(
            Map.of(
                "url",
                sim.baseUrl().toString(),
                "apiKeyId",
                sim.options().keyId(),
                "apiKey",
                sim.options().key(),
                "securityLevel",
                sim.options().security().wire()));
    auth.putAll(overrides);
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of("type", "cortex-xdr", "name", name, "auth", auth, "draft", draft));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json();
  }

  static JsonNode runToEnd(TestServer server, String connectorId) {
    return server.runToEnd(connectorId);
  }

  static long total(TestServer server, String path) {
    return server
        .get(path + (path.contains("?") ? "&" : "?") + "size=1")
        .json()
        .path("total")
        .asLong();
  }

  private static void shouldSyncTheWholeTenant(SecurityLevel level) throws Exception {
    try (CortexXdrSimulator sim =
            CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(300).withSecurity(level));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      JsonNode connector = register(server, "Cortex " + level, sim, Map.of());
      assertThat(connector.path("auth").path("apiKey").asText()).isEqualTo("********");

      JsonNode run = runToEnd(server, connector.path("id").asText());

      assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
      JsonNode manifest = sim.manifest();
      assertThat(total(server, "/api/v1/detections")).isEqualTo(manifest.path("findings").asLong());
      assertThat(total(server, "/api/v1/assets")).isEqualTo(manifest.path("hosts").asLong());
      assertThat(run.path("counters").path("rejected").asLong()).isZero();

      long sources = 0;
      for (int page = 0; ; page++) {
        JsonNode items = server.get("/api/v1/assets?size=200&page=" + page).json().path("items");
        if (items.isEmpty()) {
          break;
        }
        for (JsonNode a : items) {
          sources += a.path("sources").size();
        }
      }
      assertThat(sources)
          .as("one source record per endpoint")
          .isEqualTo(manifest.path("endpoints").asLong());

      long findingId =
          server.get("/api/v1/findings?size=1").json().path("items").get(0).path("id").asLong();
      JsonNode detection =
          server
              .get("/api/v1/findings/" + findingId)
              .json()
              .path("detections")
              .get(0)
              .path("attributes");
      for (String target :
          new String[] {
            "externalFindingId",
            "findingName",
            "cveId",
            "findingSeverity",
            "findingDescription",
            "firstFoundOn",
            "sourceRiskScore",
            "sourceSeverity"
          }) {
        assertThat(detection.has(target)).as(target + " in " + detection).isTrue();
      }

      JsonNode asset =
          server
              .get(
                  "/api/v1/assets/"
                      + server
                          .get("/api/v1/assets?size=1")
                          .json()
                          .path("items")
                          .get(0)
                          .path("id")
                          .asLong())
              .json();
      JsonNode attributes = asset.path("sources").get(0).path("attributes");
      for (String target :
          new String[] {
            "externalAssetId",
            "hostName",
            "operatingSystemName",
            "operatingSystemVersion",
            "domain",
            "assetType",
            "firstFoundDate",
            "ipv4Address",
            "macAddress"
          }) {
        assertThat(attributes.has(target)).as(target + " in " + attributes).isTrue();
      }
    }
  }

  @Test
  void shouldSyncEveryEndpointAndEveryEndpointCvePairWithAStandardKey() throws Exception {
    shouldSyncTheWholeTenant(SecurityLevel.STANDARD);
  }

  @Test
  void shouldSyncEveryEndpointAndEveryEndpointCvePairWithAnAdvancedKey() throws Exception {
    shouldSyncTheWholeTenant(SecurityLevel.ADVANCED);
  }

  @Test
  void shouldEndInErroredWithCauseAndFixForEachAccessProblem() throws Exception {
    try (CortexXdrSimulator sim = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(30));
        CortexXdrSimulator noLicense =
            CortexXdrSimulator.start(
                CortexXdrSimulatorOptions.defaults(30).withVulnerabilityLicense(false));
        CortexXdrSimulator wrongRole =
            CortexXdrSimulator.start(
                CortexXdrSimulatorOptions.defaults(30).withRole("Deployment Admin"));
        TestServer server =
            new TestServer(
                "127.0.0.1",
                Optional.of(
                    sim.caCertificatePem()
                        + "\n"
                        + noLicense.caCertificatePem()
                        + "\n"
                        + wrongRole.caCertificatePem()))) {
      String wrongKey = "x".repeat(64);
      Map<String, JsonNode> runs =
          Map.of(
              "wrong key",
                  runToEnd(
                      server,
                      registerDraft(server, "wrong key", sim, Map.of("apiKey", wrongKey))
                          .path("id")
                          .asText()),
              "no license",
                  runToEnd(
                      server,
                      registerDraft(server, "no license", noLicense, Map.of()).path("id").asText()),
              "no permission",
                  runToEnd(
                      server,
                      registerDraft(server, "no permission", wrongRole, Map.of())
                          .path("id")
                          .asText()),
              "unreachable",
                  runToEnd(
                      server,
                      registerDraft(
                              server, "unreachable", sim, Map.of("url", "https://127.0.0.1:1"))
                          .path("id")
                          .asText()));
      runs.forEach(
          (what, run) -> {
            assertThat(run.path("state").asText()).as(what).isEqualTo("ERRORED");
            assertThat(run.path("error").asText())
                .as(what)
                .contains("To fix")
                .doesNotContain(wrongKey)
                .doesNotContain(sim.options().key());
          });
      // A run that fails still accounts for every record of the pages it committed before.
      runs.forEach(
          (what, run) ->
              run.path("counters")
                  .path("streams")
                  .properties()
                  .forEach(
                      stream ->
                          assertThat(stream.getValue().path("fetched").asLong())
                              .as(what + " " + stream)
                              .isEqualTo(
                                  stream.getValue().path("stored").asLong()
                                      + stream.getValue().path("rejected").asLong())));
    }
  }

  @Test
  void shouldSyncAssetsOnlyWhenAskedTo() throws Exception {
    try (CortexXdrSimulator sim = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40));
        TestServer server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()))) {
      var created =
          server.post(
              "/api/v1/connectors",
              Map.of(
                  "type",
                  "cortex-xdr",
                  "name",
                  "assets only",
                  "dataToSync",
                  "Assets",
                  "auth",
                  Map.of(
                      "url",
                      sim.baseUrl().toString(),
                      "apiKeyId",
                      sim.options().keyId(),
                      "apiKey",
                      sim.options().key())));
      assertThat(created.json().path("dataToSync").asText()).isEqualTo("Assets");
      JsonNode run = runToEnd(server, created.json().path("id").asText());
      assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
      assertThat(total(server, "/api/v1/assets")).isEqualTo(sim.manifest().path("hosts").asLong());
      assertThat(total(server, "/api/v1/detections")).isZero();
    }
  }
}
