package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.platform.db.Jdbc;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Personal API tokens: shown once, stored as hashes, refused at once when revoked or expired. */
class TokensEndToEndIT {
  private static TestServer server;
  private static Accounts accounts;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer("127.0.0.1", Optional.empty());
    accounts = new Accounts(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aTokenIsShownOnceAndListedWithoutItselfItsLastUseRecorded() {
    String analyst = accounts.tokenOfNewUser("tok-lister", "ANALYST");
    TestServer.Response issued =
        server.sendAs(analyst, json("POST", "/api/v1/tokens", Map.of("name", "laptop script")));
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.json().path("token").asText();
    assertThat(token).startsWith("sl_").hasSizeGreaterThan(40);
    assertThat(issued.json().path("expiresAt").asText())
        .as("no expiresAt: the default lifetime of 90 days")
        .startsWith(Instant.now().plus(90, ChronoUnit.DAYS).toString().substring(0, 10));

    assertThat(server.sendAs(token, get("/api/v1/assets")).status()).isEqualTo(200);
    TestServer.Response listed = server.sendAs(token, get("/api/v1/tokens"));
    assertThat(listed.text()).doesNotContain(token).doesNotContain("\"token\"");
    JsonNode mine = find(listed.json(), issued.json().path("id").asText());
    assertThat(mine.path("name").asText()).isEqualTo("laptop script");
    assertThat(mine.path("lastUsedAt").isNull()).as("last used: set by the call above").isFalse();
    assertThat(mine.path("createdAt").isNull()).isFalse();
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() {
    String admin = TestServer.TOKEN;
    String userId = accounts.user("tok-revoked", "ANALYST");
    TestServer.Response issued =
        server.sendAs(
            admin, json("POST", "/api/v1/users/" + userId + "/tokens", Map.of("name", "ci")));
    String token = issued.json().path("token").asText();
    assertThat(server.sendAs(token, get("/api/v1/findings")).status()).isEqualTo(200);

    TestServer.Response revoked =
        server.delete("/api/v1/users/" + userId + "/tokens/" + issued.json().path("id").asText());
    assertThat(revoked.status()).isEqualTo(204);

    TestServer.Response refused = server.sendAs(token, get("/api/v1/findings"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().path("message").asText()).contains("not valid");
  }

  @Test
  void anOwnerRevokesTheirOwnTokenButNotAnotherUsers() {
    String mine = accounts.tokenOfNewUser("tok-owner", "OPERATOR");
    String theirs = accounts.tokenOfNewUser("tok-other", "OPERATOR");
    String theirId = server.sendAs(theirs, get("/api/v1/tokens")).json().get(0).path("id").asText();
    assertThat(server.sendAs(mine, delete("/api/v1/tokens/" + theirId)).status()).isEqualTo(404);
    assertThat(server.sendAs(theirs, get("/api/v1/tokens")).status()).isEqualTo(200);

    String ownId = server.sendAs(mine, get("/api/v1/tokens")).json().get(0).path("id").asText();
    assertThat(server.sendAs(mine, delete("/api/v1/tokens/" + ownId)).status()).isEqualTo(204);
    assertThat(server.sendAs(mine, get("/api/v1/tokens")).status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefusedAtOnceSayingSo() {
    String userId = accounts.user("tok-expired", "ANALYST");
    TestServer.Response issued =
        server.post("/api/v1/users/" + userId + "/tokens", Map.of("name", "short-lived"));
    String token = issued.json().path("token").asText();
    assertThat(server.sendAs(token, get("/api/v1/assets")).status()).isEqualTo(200);

    // Its end passes (moved back in the database rather than waited for).
    server
        .bean(Jdbc.class)
        .update(
            "UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
            issued.json().path("id").asText());

    TestServer.Response refused = server.sendAs(token, get("/api/v1/assets"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().path("message").asText()).contains("expired");
  }

  @Test
  void anEndInThePastOrTooFarAheadIsRefusedNamingTheField() {
    TestServer.Response past =
        server.post(
            "/api/v1/tokens",
            Map.of("name", "x", "expiresAt", Instant.now().minusSeconds(60).toString()));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().path("problems").get(0).path("field").asText()).isEqualTo("expiresAt");
    TestServer.Response far =
        server.post(
            "/api/v1/tokens",
            Map.of("name", "x", "expiresAt", Instant.now().plus(800, ChronoUnit.DAYS).toString()));
    assertThat(far.status()).isEqualTo(400);
  }

  @Test
  void removingAUserRevokesEveryTokenTheyHeld() {
    String userId = accounts.user("tok-leaver", "ANALYST");
    String token = accounts.token(userId, "one");
    assertThat(server.delete("/api/v1/users/" + userId).status()).isEqualTo(204);
    assertThat(server.sendAs(token, get("/api/v1/assets")).status()).isEqualTo(401);
  }

  @Test
  void aRoleChangeAppliesToTheUsersTokensAtOnce() {
    String userId = accounts.user("tok-promoted", "AUDITOR");
    String token = accounts.token(userId, "one");
    assertThat(server.sendAs(token, get("/api/v1/assets")).status()).isEqualTo(403);
    server.patch("/api/v1/users/" + userId, Map.of("role", "analyst"));
    assertThat(server.sendAs(token, get("/api/v1/assets")).status()).isEqualTo(200);
  }

  @Test
  void issuingAndRevokingAreAuditedWithoutTheToken() {
    String userId = accounts.user("tok-audited", "ANALYST");
    TestServer.Response issued =
        server.post("/api/v1/users/" + userId + "/tokens", Map.of("name", "audited-one"));
    String token = issued.json().path("token").asText();
    server.delete("/api/v1/users/" + userId + "/tokens/" + issued.json().path("id").asText());

    TestServer.Response audit = server.get("/api/v1/audit?action=token.&actor=admin&size=100");
    assertThat(audit.text()).doesNotContain(token);
    assertThat(audit.json().path("items").findValuesAsText("action"))
        .contains("token.create", "token.revoke");
    assertThat(audit.json().path("items").findValuesAsText("target"))
        .contains("tok-audited/audited-one");
    TestServer.Response users = server.get("/api/v1/audit?action=user.create&size=100");
    assertThat(users.json().path("items").findValuesAsText("target")).contains("tok-audited");
    assertThat(users.text()).doesNotContain(Accounts.PASSWORD);
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError(id + " not listed in " + list);
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(server.uri(path)).GET();
  }

  private static HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(server.uri(path)).DELETE();
  }

  private static HttpRequest.Builder json(String method, String path, Object body) {
    try {
      return HttpRequest.newBuilder(server.uri(path))
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
