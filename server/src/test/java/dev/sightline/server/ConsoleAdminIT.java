package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The admin pages: an admin creates a user, changes its role, issues a token for it (shown once)
 * and revokes it, and finds all of it in the audit log; the last admin's refusal is shown in the
 * API's words; an analyst sees none of it, an auditor reads without controls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAdminIT {
  private static TestServer server;
  private static Accounts accounts;
  private static String adaId;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer("127.0.0.1", Optional.empty());
    accounts = new Accounts(server);
    adaId = accounts.user("ada", "ADMIN");
    accounts.user("ana", "ANALYST");
    accounts.user("aude", "AUDITOR");
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static Optional<JsonNode> user(String name) {
    for (JsonNode u : server.get("/api/v1/users").json()) {
      if (u.path("username").asText().equals(name)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  private static int statusWith(String token, String path) {
    return server.sendAs(token, HttpRequest.newBuilder(server.uri(path)).GET()).status();
  }

  @Test
  @Order(1)
  void anAdminCreatesAUserThenChangesItsRole() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/users");
      page.getByLabel("User name").fill("carl");
      page.getByLabel("Password").fill("short");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
      // The API's refusal, beside the field it names; what was typed stays, except the password.
      assertThat(page.locator("[data-field-error=password]")).containsText("12");
      assertThat(page.getByLabel("User name")).hasValue("carl");
      assertThat(page.getByLabel("Password")).hasValue("");
      browser.forgetConsoleErrors(); // the 400 itself
      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
      Locator carl = page.locator("tr[data-user=carl]");
      assertThat(carl.getByLabel("Role of carl", new Locator.GetByLabelOptions().setExact(true)))
          .hasValue("ANALYST");
      assertThat(user("carl").orElseThrow().path("role").asText()).isEqualTo("ANALYST");

      carl.getByLabel("Role of carl", new Locator.GetByLabelOptions().setExact(true))
          .selectOption("OPERATOR");
      carl.getByRole(
              AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the role of carl"))
          .click();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> user("carl").orElseThrow().path("role").asText().equals("OPERATOR"));
      page.reload();
      assertThat(
              page.locator("tr[data-user=carl]")
                  .getByLabel("Role of carl", new Locator.GetByLabelOptions().setExact(true)))
          .hasValue("OPERATOR");
      browser.check("users");
    }
  }

  @Test
  @Order(2)
  void anAdminIssuesATokenForTheUserShownOnceThenRevokesIt() {
    String carlId = user("carl").orElseThrow().path("id").asText();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/tokens?user=" + carlId);
      Locator section = page.locator("#user-tokens");
      assertThat(section.locator("h2")).hasText("Tokens of carl");
      assertThat(section).containsText("No token for carl.");
      section.getByLabel("Name").fill("nightly export");
      section
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Issue token"))
          .click();
      Locator value = section.locator("[data-token-value]");
      assertThat(value).not().isEmpty();
      String token = value.textContent().trim();
      assertThat(token).hasSizeGreaterThan(20);
      // The token acts as carl, with carl's role: an operator reads connectors, not users.
      assertThat(statusWith(token, "/api/v1/connectors")).isEqualTo(200);
      assertThat(statusWith(token, "/api/v1/users")).isEqualTo(403);
      browser.screenshot("tokens-issued");

      section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
      Locator row = page.locator("#user-tokens tr[data-token='nightly export']");
      assertThat(row).containsText("PERSONAL");
      assertThat(page.locator("main")).not().containsText(token);
      browser.check("tokens");

      row.getByRole(
              AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Revoke the token nightly export"))
          .click();
      assertThat(page.locator("#confirm-dialog"))
          .containsText("Revoke the token nightly export of carl");
      page.locator("#confirm-dialog [data-confirm-ok]").click();
      assertThat(page.locator("#user-tokens")).containsText("No token for carl.");
      assertThat(statusWith(token, "/api/v1/connectors")).isEqualTo(401);
      browser.assertQuiet();
    }
  }

  @Test
  @Order(3)
  void anAdminFindsTheChangesInTheAuditLog() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/audit?actor=ada");
      Locator entries = page.locator("#audit-entries tbody tr");
      for (String action :
          new String[] {"user.create", "user.edit", "token.create", "token.revoke"}) {
        assertThat(entries.filter(new Locator.FilterOptions().setHasText(action)).first())
            .isVisible();
      }
      assertThat(page.locator("tr[data-action='user.edit']").first()).containsText("carl");
      // The refused create (a short password) is recorded too, with the API's reason.
      assertThat(
              page.locator("tr[data-action='user.create']")
                  .filter(new Locator.FilterOptions().setHasText("REFUSED")))
          .containsText("12");
      browser.check("audit");

      page.getByLabel("Action").fill("token.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
      page.waitForURL("**/audit?**action=token.**");
      assertThat(page.locator("#audit-entries tbody tr")).hasCount(2);
      assertThat(page.locator("#audit-entries tbody tr[data-action='token.create']")).hasCount(1);
      assertThat(page.getByLabel("Actor")).hasValue("ada");

      page.getByLabel("From (UTC day)").fill("2001-01-01");
      page.getByLabel("To (UTC day, included)").fill("2001-01-02");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
      assertThat(page.locator(".empty")).containsText("No entry matches");
      browser.assertQuiet();
    }
  }

  @Test
  @Order(4)
  void theLastAdminCannotBeDemotedAndThePageSaysSoInTheApisWords() {
    String adaToken = accounts.token(adaId, "demotion test");
    String firstAdmin = user("admin").orElseThrow().path("id").asText();
    TestServer.Response demoted =
        server.sendAs(
            adaToken,
            HttpRequest.newBuilder(server.uri("/api/v1/users/" + firstAdmin))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"OPERATOR\"}")));
    assertThat(demoted.status()).as(demoted.text()).isEqualTo(200);
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/users");
      Locator ada = page.locator("tr[data-user=ada]");
      ada.getByLabel("Role of ada", new Locator.GetByLabelOptions().setExact(true))
          .selectOption("ANALYST");
      ada.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the role of ada"))
          .click();
      assertThat(ada.locator(".role-form [data-api-error]"))
          .containsText("This is the last admin: give another user the ADMIN role first");
      browser.forgetConsoleErrors(); // the 409 itself
      // The bootstrap token is the demoted first admin's now: ask as ada.
      assertThat(
              server
                  .sendAs(adaToken, HttpRequest.newBuilder(server.uri("/api/v1/users/" + adaId)))
                  .json()
                  .path("role")
                  .asText())
          .isEqualTo("ADMIN");
      browser.assertQuiet();
    } finally {
      TestServer.Response restored =
          server.sendAs(
              adaToken,
              HttpRequest.newBuilder(server.uri("/api/v1/users/" + firstAdmin))
                  .header("Content-Type", "application/json")
                  .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"ADMIN\"}")));
      assertThat(restored.status()).as(restored.text()).isEqualTo(200);
    }
  }

  @Test
  @Order(5)
  void anAnalystSeesNoAdminNavigationAndIsRefusedTheUsersPage() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator(".nav-admin")).hasCount(0);
      for (String path : new String[] {"/users", "/tokens", "/audit"}) {
        assertThat(page.navigate(server.uri(path).toString()).status()).as(path).isEqualTo(403);
      }
      browser.forgetConsoleErrors(); // the 403s themselves
    }
  }

  @Test
  @Order(6)
  void anAuditorReadsUsersTokensAndTheAuditWithoutControls() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("aude", Accounts.PASSWORD);
      Page page = browser.go("/users");
      assertThat(page.locator("tr[data-user=carl]")).containsText("OPERATOR");
      assertThat(page.locator("form[data-api]")).hasCount(0);
      assertThat(page.locator("button[data-api]:not([data-api^='DELETE /api/v1/session'])"))
          .hasCount(0);
      browser.go("/tokens?user=" + user("carl").orElseThrow().path("id").asText());
      assertThat(page.locator("#user-tokens form")).hasCount(0);
      assertThat(page.locator("#my-tokens form[data-token-issue]")).hasCount(1);
      browser.go("/audit");
      assertThat(page.locator("#audit-entries tbody tr").first()).isVisible();
      browser.assertQuiet();
    }
  }

  @Test
  @Order(7)
  void anAdminRemovesAUserAfterBeingToldWhatIsLost() {
    String doraId = accounts.user("dora", "ANALYST");
    String doraToken = accounts.token(doraId, "script");
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/users");
      page.locator("tr[data-user=dora]")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove dora"))
          .click();
      assertThat(page.locator("#confirm-dialog"))
          .containsText("every API token they hold is revoked");
      page.locator("#confirm-dialog [data-confirm-ok]").click();
      assertThat(page.locator("tr[data-user=dora]")).hasCount(0);
      assertThat(page.locator("tr[data-user=ada]")).hasCount(1);
      assertThat(user("dora")).isEmpty();
      assertThat(statusWith(doraToken, "/api/v1/findings")).isEqualTo(401);
      browser.assertQuiet();
    }
  }
}
