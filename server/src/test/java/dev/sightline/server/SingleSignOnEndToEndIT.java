package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.server.boot.AccessSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OIDC provider started by the test, over HTTPS with a certificate
 * only SIGHTLINE_EXTRA_CA_FILE trusts: the roles claim decides the role, a person without a
 * Sightline role is refused, a local account is never taken over.
 */
class SingleSignOnEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OidcTestServer provider;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    provider = OidcTestServer.https();
    String ca = provider.caCertificatePem().orElseThrow();
    server =
        new TestServer(
            "127.0.0.1",
            Optional.of(ca),
            settings ->
                settings.withAccess(
                    AccessSettings.none()
                        .withOidc(
                            new AccessSettings.Oidc(
                                provider.issuerUrl().toString(),
                                "sightline",
                                "sso-client-secret-value",
                                "groups"))));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.close();
  }

  @Test
  void aPersonSignsOnAndTheirClaimGivesTheRole() throws Exception {
    provider.nextSignIn(
        "sub-alice",
        Map.of(
            "preferred_username", "alice",
            "name", "Alice Analyst",
            "groups", List.of("staff", "Analyst")));
    BrowserSession browser = browser();
    BrowserSession.Walk walk = browser.followFrom(server.uri("/oauth2/authorization/oidc"));
    assertThat(walk.hops().stream().map(h -> h.uri().getPath()))
        .contains(
            "/oauth2/authorization/oidc", "/sightline-test/authorize", "/login/oauth2/code/oidc");
    assertThat(walk.hops().get(walk.hops().size() - 1).uri().getPath()).isEqualTo("/");

    JsonNode me = JSON.readTree(browser.get(server.uri("/api/v1/session")).body());
    assertThat(me.path("username").asText()).isEqualTo("alice");
    assertThat(me.path("role").asText()).isEqualTo("ANALYST");
    assertThat(me.path("via").asText()).isEqualTo("OIDC");
    assertThat(browser.get(server.uri("/api/v1/assets")).statusCode()).isEqualTo(200);
    assertThat(browser.get(server.uri("/api/v1/audit")).statusCode()).isEqualTo(403);

    JsonNode users = server.get("/api/v1/users").json();
    assertThat(users.findValuesAsText("username")).contains("alice");
    JsonNode signIns =
        server.get("/api/v1/audit?action=session.sign-in&actor=alice").json().path("items");
    assertThat(signIns.findValuesAsText("detail")).contains("single sign-on, role ANALYST");
  }

  @Test
  void theRoleFollowsTheClaimAtEverySignOn() throws Exception {
    provider.nextSignIn("sub-bob", Map.of("preferred_username", "bob", "groups", "auditor"));
    BrowserSession first = browser();
    first.followFrom(server.uri("/oauth2/authorization/oidc"));
    assertThat(JSON.readTree(first.get(server.uri("/api/v1/session")).body()).path("role").asText())
        .isEqualTo("AUDITOR");

    provider.nextSignIn(
        "sub-bob", Map.of("preferred_username", "bob", "groups", List.of("OPERATOR", "auditor")));
    BrowserSession second = browser();
    second.followFrom(server.uri("/oauth2/authorization/oidc"));
    assertThat(
            JSON.readTree(second.get(server.uri("/api/v1/session")).body()).path("role").asText())
        .as("the most capable role the claim names")
        .isEqualTo("OPERATOR");
  }

  @Test
  void aPersonWithoutAMappedRoleIsRefused() throws Exception {
    provider.nextSignIn(
        "sub-mallory", Map.of("preferred_username", "mallory", "groups", List.of("staff")));
    BrowserSession browser = browser();
    BrowserSession.Walk walk = browser.followFrom(server.uri("/oauth2/authorization/oidc"));
    URI end = walk.hops().get(walk.hops().size() - 1).uri();
    assertThat(end.getQuery()).isEqualTo("signInError=no-role");
    assertThat(browser.get(server.uri("/api/v1/session")).statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/users").json().findValuesAsText("username"))
        .doesNotContain("mallory");
  }

  @Test
  void aSignOnNeverTakesOverALocalAccountOfTheSameName() throws Exception {
    new Accounts(server).user("carol", "ANALYST");
    provider.nextSignIn("sub-carol", Map.of("preferred_username", "carol", "groups", "admin"));
    BrowserSession browser = browser();
    BrowserSession.Walk walk = browser.followFrom(server.uri("/oauth2/authorization/oidc"));
    assertThat(walk.hops().get(walk.hops().size() - 1).uri().getQuery())
        .isEqualTo("signInError=local-user");
    assertThat(browser.get(server.uri("/api/v1/session")).statusCode()).isEqualTo(401);
  }

  @Test
  void theClientSecretAppearsInNoAnswer() {
    for (String path : List.of("/api/v1/users", "/api/v1/session", "/v3/api-docs")) {
      assertThat(server.get(path).text()).doesNotContain("sso-client-secret-value");
    }
  }

  private static BrowserSession browser() {
    return new BrowserSession(
        TrustMaterial.jvmDefaultPlus(provider.caCertificatePem().orElseThrow()));
  }
}
