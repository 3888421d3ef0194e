package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sightline.server.boot.AccessSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console: the form at {@code /}, the header with the user and role afterwards,
 * the navigation in the seeds' words with the admin part only for those who may, sign-out, and the
 * page asked for before signing in reached after it.
 */
class ConsoleSignInIT {
  private static OidcTestServer provider;
  private static TestServer server;
  private static Accounts accounts;

  @BeforeAll
  static void start() throws IOException {
    // Single sign-on is on, so the sign-in page offers it beside the password form.
    provider = OidcTestServer.http();
    server =
        new TestServer(
            "127.0.0.1",
            Optional.empty(),
            settings ->
                settings.withAccess(
                    AccessSettings.none()
                        .withOidc(
                            new AccessSettings.Oidc(
                                provider.issuerUrl().toString(),
                                "sightline",
                                "sso-client-secret-value",
                                "groups"))));
    accounts = new Accounts(server);
    accounts.user("ada", "ADMIN");
    accounts.user("ana", "ANALYST");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.close();
  }

  @Test
  void singleSignOnIsOfferedAndSignsAPersonInWithTheRoleTheirClaimGives() {
    provider.nextSignIn(
        "sub-sam",
        java.util.Map.of(
            "preferred_username",
            "sam",
            "name",
            "Sam Analyst",
            "groups",
            java.util.List.of("analyst")));
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      Page page = browser.go("/");
      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
          .click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).waitFor();
      assertThat(page.locator(".who")).containsText("sam");
      assertThat(page.locator(".who")).containsText("ANALYST");
    }
  }

  @Test
  void aWrongPasswordIsSaidBesideTheFormAndTheUserNameIsKept() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      Page page = browser.go("/");
      browser.check("sign-in");
      page.getByLabel("User name").fill("ada");
      page.getByLabel("Password").fill("not-the-password-at-all");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
          .click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("user name or the password is wrong");
      assertThat(page.getByLabel("User name")).hasValue("ada");
      assertThat(page.getByLabel("Password")).hasValue("");
      // The browser logs the 401 of the refused sign-in as a failed resource: expected here.
      browser.forgetConsoleErrors();
      browser.screenshot("sign-in-refused");
    }
  }

  @Test
  void anAdminSeesTheHeaderAndTheWholeNavigationThenSignsOut() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator(".who")).containsText("ada");
      assertThat(page.locator(".who")).containsText("ADMIN");
      var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
      for (String item :
          new String[] {"Dashboard", "Connectors", "Assets", "Host", "Findings", "Vulnerability"}) {
        assertThat(
                nav.getByRole(
                    AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName(item)
                        .setExact(true)))
            .isVisible();
      }
      for (String item : new String[] {"Users", "Tokens", "Audit"}) {
        assertThat(
                nav.getByRole(
                    AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName(item)
                        .setExact(true)))
            .isVisible();
      }
      browser.check("dashboard-admin");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
      assertThat(page.getByLabel("User name")).isVisible();
      browser.assertQuiet();
    }
  }

  @Test
  void anAnalystSeesNoAdminPartAndIsRefusedItsPages() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator(".who")).containsText("ANALYST");
      var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
      assertThat(
              nav.getByRole(
                  AriaRole.LINK,
                  new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Users")))
          .hasCount(0);
      assertThat(
              nav.getByRole(
                  AriaRole.LINK,
                  new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Audit")))
          .hasCount(0);
      var refused = page.navigate(server.uri("/users").toString());
      assertThat(refused.status()).isEqualTo(403);
      assertThat(page.getByRole(AriaRole.HEADING)).containsText("Not allowed");
      browser.forgetConsoleErrors(); // the 403 itself
    }
  }

  @Test
  void aPageAskedForBeforeSigningInIsReachedAfterIt() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      Page page = browser.go("/connectors");
      assertThat(page).hasURL(server.uri("/?next=%2Fconnectors").toString());
      page.getByLabel("User name").fill("ada");
      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
          .click();
      page.waitForURL(server.uri("/connectors").toString());
    }
  }

  @Test
  void aLinkThatWouldLeaveTheConsoleAfterSignInLandsOnTheDashboard() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      Page page = browser.go("/?next=//evil.example/");
      page.getByLabel("User name").fill("ada");
      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
          .click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).waitFor();
      assertThat(URI.create(page.url()).getHost()).isEqualTo(server.base.getHost());
      assertThat(URI.create(page.url()).getPath()).isEqualTo("/");
    }
  }

  @Test
  void everyPageForbidsInlineScriptAndOtherHosts() throws Exception {
    HttpResponse<String> home =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }
}
