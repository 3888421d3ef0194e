package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CrowdStrike path end to end, as a user drives it: simulator over HTTPS, the server on real
 * PostgreSQL, the REST API with a bearer token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrowdStrikeEndToEndIT {
  private CrowdStrikeSimulator sim;
  private TestServer server;
  private String connectorId;

  @BeforeAll
  void start() throws Exception {
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(300));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  private Map<String, Object> connector(String name, String secret) {
    return Map.of(
        "type",
        "crowdstrike",
        "name",
        name,
        "description",
        "simulated tenant",
        "auth",
        Map.of("url", sim.baseUrl().toString(), "clientId", "sim-client", "clientSecret", secret));
  }

  private JsonNode runToEnd(String id) {
    return server.runToEnd(id);
  }

  private long total(String path) {
    return server.get(path + "?size=1").json().path("total").asLong();
  }

  @Test
  @Order(1)
  void shouldRegisterAConnectorWithItsSecretMasked() {
    var created = server.post("/api/v1/connectors", connector("Falcon prod", "sim-secret"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("state").asText()).isEqualTo("REGISTERED");
    assertThat(created.json().path("auth").path("clientSecret").asText()).isEqualTo("********");
    assertThat(created.text()).doesNotContain("sim-secret");
    connectorId = created.json().path("id").asText();
    assertThat(server.get("/api/v1/connectors/" + connectorId).text()).doesNotContain("sim-secret");
    assertThat(server.get("/api/v1/connectors").json()).hasSize(1);
  }

  @Test
  @Order(2)
  void shouldPassTheFiveConnectionChecks() {
    var answer = server.post("/api/v1/connectors/" + connectorId + "/test", "");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("passed").asBoolean()).as(answer.text()).isTrue();
    assertThat(answer.json().path("checks"))
        .extracting(c -> c.path("check").asText())
        .containsExactly(
            "NETWORK_REACHABILITY",
            "TLS_HANDSHAKE",
            "AUTHENTICATION",
            "AUTHORIZATION_SCOPE",
            "DATA_FETCH");
  }

  @Test
  @Order(2)
  void shouldRefuseATakenNameATooLongDescriptionAndAMissingSecret() {
    assertThat(server.post("/api/v1/connectors", connector("falcon PROD", "x")).status())
        .isEqualTo(409);
    var tooLong =
        Map.of(
            "type",
            "crowdstrike",
            "name",
            "other",
            "description",
            "d".repeat(165),
            "auth",
            Map.of("url", sim.baseUrl().toString(), "clientId", "c", "clientSecret", "s"));
    var answer = server.post("/api/v1/connectors", tooLong);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("164");
    var noSecret =
        Map.of(
            "type",
            "crowdstrike",
            "name",
            "other",
            "auth",
            Map.of("url", sim.baseUrl().toString(), "clientId", "c"));
    assertThat(server.post("/api/v1/connectors", noSecret).text()).contains("auth.clientSecret");
    assertThat(server.post("/api/v1/connectors", "{not json").status()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void shouldSyncEveryHostAndEveryVulnerability() {
    JsonNode run = runToEnd(connectorId);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    JsonNode manifest = sim.manifest();
    // A reimaged machine shows as two agents; correlation makes it one asset again. Unmanaged
    // assets (no sensor, found by network scans) lie beyond the fleet.
    assertThat(total("/api/v1/assets"))
        .isEqualTo(manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong());
    assertThat(manifest.path("agents").asLong()).isGreaterThan(manifest.path("hosts").asLong());
    assertThat(total("/api/v1/findings")).isEqualTo(manifest.path("vulnerabilities").asLong());
    assertThat(run.path("counters").path("rejected").asLong()).isZero();
    assertThat(run.path("counters").path("created").asLong())
        .isEqualTo(
            manifest.path("agents").asLong()
                + manifest.path("unmanagedAssets").asLong()
                + manifest.path("vulnerabilities").asLong());
    assertThat(run.path("counters").path("assetsLinked").asLong())
        .isEqualTo(manifest.path("agents").asLong() - manifest.path("hosts").asLong());
  }

  @Test
  @Order(4)
  void shouldCreateNothingOnASecondRun() {
    JsonNode run = runToEnd(connectorId);
    assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
    assertThat(run.path("counters").path("created").asLong()).isZero();
    assertThat(total("/api/v1/findings"))
        .isEqualTo(sim.manifest().path("vulnerabilities").asLong());
  }

  @Test
  @Order(5)
  void shouldFetchOnlyTheChangedRecordsInADelta() {
    sim.advance(25);
    JsonNode run = runToEnd(connectorId);
    assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
    assertThat(run.path("fullSync").asBoolean()).isFalse();
    JsonNode c = run.path("counters");
    assertThat(c.path("fetched").asLong()).isBetween(1L, 25L + 300L);
    assertThat(c.path("created").asLong() + c.path("updated").asLong()).isPositive();
    assertThat(total("/api/v1/findings"))
        .isEqualTo(sim.manifest().path("vulnerabilities").asLong());
  }

  @Test
  @Order(6)
  void shouldListEveryStatusUnlessAsked() {
    JsonNode byStatus = sim.manifest().path("byStatus");
    assertThat(total("/api/v1/findings"))
        .isEqualTo(sim.manifest().path("vulnerabilities").asLong());
    long closed = server.get("/api/v1/findings?size=1&status=closed").json().path("total").asLong();
    assertThat(closed).isEqualTo(byStatus.path("closed").asLong());
  }

  @Test
  @Order(6)
  void shouldExplainAnAssetsScoreTermByTerm() {
    long id = server.get("/api/v1/assets?size=1").json().path("items").get(0).path("id").asLong();
    var answer = server.get("/api/v1/assets/" + id + "/score");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode risk = answer.json().path("risk");
    assertThat(risk.path("score").asInt()).isBetween(0, 1000);
    assertThat(risk.path("band").asText()).isNotBlank();
    assertThat(answer.json().path("findings"))
        .allSatisfy(f -> assertThat(f.path("score").path("qds").asInt()).isBetween(1, 100));
    var missing = server.get("/api/v1/assets/999999/score");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("type").asText())
        .isEqualTo("urn:problem-type:sightline:not-found");
    assertThat(missing.json().path("instance").asText()).isEqualTo("/api/v1/assets/999999/score");
    assertThat(missing.json().path("error").asText()).isEqualTo("Not Found");
  }

  @Test
  @Order(7)
  void shouldEndInErroredNamingCauseAndFixForAWrongSecret() {
    var refused =
        server.post("/api/v1/connectors", connector("Falcon wrong secret", "not-the-secret"));
    assertThat(refused.status()).as("the connection test gates create").isEqualTo(422);
    Map<String, Object> draft =
        new java.util.HashMap<>(connector("Falcon wrong secret", "not-the-secret"));
    draft.put("draft", true);
    var created = server.post("/api/v1/connectors", draft);
    assertThat(created.status()).isEqualTo(201);
    JsonNode run = runToEnd(created.json().path("id").asText());
    assertThat(run.path("state").asText()).isEqualTo("ERRORED");
    assertThat(run.path("error").asText())
        .containsIgnoringCase("credentials")
        .contains("To fix")
        .doesNotContain("not-the-secret");
    assertThat(
            server
                .get("/api/v1/connectors/" + created.json().path("id").asText())
                .json()
                .path("state")
                .asText())
        .isEqualTo("ERRORED");
  }

  @Test
  @Order(8)
  void shouldRefuseCallsWithoutAValidToken() {
    var noToken =
        server.sendAs(
            null,
            java.net.http.HttpRequest.newBuilder(server.base.resolve("/api/v1/assets")).GET());
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.text()).contains("Authorization: Bearer");
    var wrong =
        server.sendAs(
            "nope",
            java.net.http.HttpRequest.newBuilder(server.base.resolve("/api/v1/assets")).GET());
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  @Order(9)
  void shouldKeepEverythingStoredWhenTheTenantBecomesUnreachable() {
    long assets = total("/api/v1/assets");
    long findings = total("/api/v1/findings");
    sim.close();
    JsonNode run = runToEnd(connectorId);
    assertThat(run.path("state").asText()).isEqualTo("ERRORED");
    assertThat(run.path("error").asText()).contains("To fix");
    assertThat(total("/api/v1/assets")).isEqualTo(assets);
    assertThat(total("/api/v1/findings")).isEqualTo(findings);
  }
}
