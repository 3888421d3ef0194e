package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Duration;
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
 * The connectors list, a connector's page and a run's page in a real browser, against a simulated
 * CrowdStrike tenant: Run now moves the state to PROCESSED on the list without a reload, the run's
 * page shows the API's counters, Delete asks and then removes the row, and an analyst sees no
 * control to change anything and is refused when forging the call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleConnectorsIT {
  private static final LocatorAssertions.HasTextOptions PROCESSING =
      new LocatorAssertions.HasTextOptions().setTimeout(30_000);
  private static final LocatorAssertions.ContainsTextOptions RUN_TIME =
      new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

  private CrowdStrikeSimulator sim;
  private TestServer server;
  private String falcon;
  private String doomed;

  @BeforeAll
  void start() throws Exception {
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(50));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
    Accounts accounts = new Accounts(server);
    accounts.user("oli", "OPERATOR");
    accounts.user("ana", "ANALYST");
    falcon = create("Falcon console");
    doomed = create("Falcon to delete");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    sim.close();
  }

  private String create(String name) {
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                name,
                "description",
                "simulated tenant",
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static Locator.GetByRoleOptions named(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  @Order(1)
  void runNowMovesTheStateToProcessedOnTheListWithoutAReload() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      Locator row = page.locator("#connector-" + falcon);
      assertThat(row.getByRole(AriaRole.LINK, named("Falcon console"))).isVisible();
      assertThat(row.locator(".state-cell .badge")).hasText("Registered");
      assertThat(row.locator(".last-run")).containsText("Never run");
      assertThat(
              page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New connector")))
          .hasAttribute("href", "/connectors/new");
      assertThat(row.getByRole(AriaRole.LINK, named("Edit")))
          .hasAttribute("href", "/connectors/" + falcon + "/edit");
      browser.check("connectors-list");

      // A mark only this very document carries: a reload or a navigation would lose it.
      page.evaluate("() => { window.sightlineStayed = 'same document'; }");
      String url = page.url();
      // Slow pages make the run long enough to watch; a malformed record gives it a rejection.
      sim.faults().slowNext(3, Duration.ofSeconds(1));
      sim.faults().malformedRecordNext(1);
      row.getByRole(AriaRole.BUTTON, named("Run now")).click();
      assertThat(row.locator(".state-cell .badge")).hasText("Processing", PROCESSING);
      assertThat(row.locator(".state-cell .progress-text")).containsText("Page");
      assertThat(row.locator(".state-cell progress")).hasCount(1);
      browser.screenshot("connectors-list-processing");
      assertThat(row.locator(".state-cell .badge")).containsText("Processed", RUN_TIME);
      assertThat(page.evaluate("() => window.sightlineStayed")).isEqualTo("same document");
      assertThat(page.url()).isEqualTo(url);

      JsonNode run = server.get("/api/v1/connectors/" + falcon + "/runs").json().get(0);
      assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
      assertThat(row.locator("[data-counter=fetched]"))
          .hasText(String.format("%,d", run.path("counters").path("fetched").asLong()));
      assertThat(row.locator("[data-counter=rejected]"))
          .hasText(String.format("%,d", run.path("counters").path("rejected").asLong()));
      browser.check("connectors-list-processed");
    }
  }

  @Test
  @Order(2)
  void theConnectorsPageAndTheRunsPageShowWhatTheApiAnswers() {
    JsonNode run = server.get("/api/v1/connectors/" + falcon + "/runs").json().get(0);
    String runId = run.path("runId").asText();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      page.locator("#connector-" + falcon)
          .getByRole(AriaRole.LINK, named("Falcon console"))
          .click();
      page.waitForURL(server.uri("/connectors/" + falcon).toString());
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .containsText("Falcon console");
      assertThat(page.locator(".auth")).containsText("********");
      assertThat(page.locator("main")).not().containsText("sim-secret");
      assertThat(page.locator("#history-title + .table-wrap")).containsText("Processed");
      assertThat(page.locator("#history-title + .table-wrap")).containsText("Registered");
      browser.check("connector");

      page.locator("table.runs").getByRole(AriaRole.LINK).first().click();
      page.waitForURL(server.uri("/runs/" + runId).toString());
      assertThat(page.locator("[data-run-state]")).hasText("Processed");
      JsonNode counters = run.path("counters");
      for (String counter :
          new String[] {"fetched", "created", "updated", "unchanged", "rejected", "pages"}) {
        assertThat(page.locator("#run-live [data-counter=" + counter + "]"))
            .hasText(counters.path(counter).asText());
      }
      JsonNode rejection = server.get("/api/v1/runs/" + runId + "/rejections").json().get(0);
      assertThat(counters.path("rejected").asLong()).isEqualTo(1);
      Locator reasons = page.locator("table.reasons tbody tr");
      assertThat(reasons).hasCount(rejection.path("reasons").asText().split("; ").length);
      assertThat(reasons.first().locator("td").nth(0))
          .hasText(rejection.path("reasons").asText().split("; ")[0]);
      assertThat(reasons.first().locator("td").nth(1)).hasText("1");
      assertThat(page.locator("table.stages")).containsText("Fetch");
      assertThat(page.locator("table.log")).containsText("Run processed");
      browser.check("run");
    }
  }

  @Test
  @Order(3)
  void testShowsTheFiveChecksWithTheirStatus() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      page.locator("#connector-" + falcon).getByRole(AriaRole.BUTTON, named("Test")).click();
      Locator checks = page.locator("#test-result [data-test-checks] tr");
      assertThat(checks).hasCount(5);
      assertThat(page.locator("#test-result [data-test-summary]"))
          .containsText("All five checks passed");
      assertThat(checks.first()).containsText("Network reachability");
      assertThat(page.locator("#test-result [data-test-checks]")).not().containsText("Failed");
      browser.check("connectors-test");
    }
  }

  @Test
  @Order(4)
  void deleteAsksNamingWhatIsLostThenRemovesTheRow() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      Locator row = page.locator("#connector-" + doomed);
      row.getByRole(AriaRole.BUTTON, named("Delete…")).click();
      Locator dialog = page.locator("#delete-dialog");
      assertThat(dialog).isVisible();
      assertThat(dialog).containsText("“Falcon to delete”");
      assertThat(dialog).containsText("the assets and findings it stored stay");
      assertThat(dialog).containsText("every asset record and finding it stored");
      browser.check("connectors-delete-confirm");
      dialog.getByRole(AriaRole.BUTTON, named("Delete, keep data")).click();
      assertThat(dialog).not().isVisible();
      assertThat(row).hasCount(0);
      assertThat(page.locator("#connector-" + falcon)).hasCount(1);
      assertThat(server.get("/api/v1/connectors").text()).doesNotContain(doomed);
      browser.assertQuiet();
    }
  }

  @Test
  @Order(5)
  void anAnalystSeesNoControlToChangeAConnectorAndAForgedRunIsRefused() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      Locator row = page.locator("#connector-" + falcon);
      assertThat(row.getByRole(AriaRole.LINK, named("Falcon console"))).isVisible();
      assertThat(row.locator(".state-cell .badge")).hasText("Processed");
      for (String control : new String[] {"Run now", "Test", "Delete…"}) {
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(control)))
            .hasCount(0);
      }
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")))
          .hasCount(0);
      assertThat(
              page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New connector")))
          .hasCount(0);
      browser.check("connectors-list-analyst");

      Object status =
          page.evaluate(
              "async (id) => {"
                  + " const token = decodeURIComponent("
                  + "   document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]+)/)[1]);"
                  + " const answer = await fetch('/api/v1/connectors/' + id + '/runs', {"
                  + "   method: 'POST', credentials: 'same-origin',"
                  + "   headers: {'X-XSRF-TOKEN': token, 'Accept': 'application/json'}});"
                  + " return answer.status; }",
              falcon);
      assertThat(status).isEqualTo(403);
      browser.forgetConsoleErrors(); // the browser logs the refused call itself
      assertThat(server.get("/api/v1/connectors/" + falcon + "/runs").json()).hasSize(1);
    }
  }

  @Test
  @Order(6)
  void aFailingConnectorShowsItsErrorsWithTheirFixesOnTheListTheTestAndTheRunsPage() {
    var draft =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                "Falcon wrong secret",
                "draft",
                true,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "not-the-secret")));
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);
    String id = draft.json().path("id").asText();
    JsonNode run = server.runToEnd(id);
    assertThat(run.path("state").asText()).isEqualTo("ERRORED");
    JsonNode errorLine = null;
    for (JsonNode line : server.get("/api/v1/runs/" + run.path("runId").asText() + "/log").json()) {
      if ("ERROR".equals(line.path("level").asText()) && line.hasNonNull("fix")) {
        errorLine = line;
      }
    }
    assertThat(errorLine).as("an error line with its fix in the run's log").isNotNull();

    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      Locator row = page.locator("#connector-" + id);
      assertThat(row.locator(".state-cell .badge")).hasText("Errored");
      assertThat(row).containsText("Draft");
      assertThat(row.locator(".next-run")).containsText("Not scheduled");

      row.getByRole(AriaRole.BUTTON, named("Test")).click();
      assertThat(page.locator("#test-result [data-test-summary]")).containsText("A check failed");
      Locator failed = page.locator("#test-result [data-test-checks] tr:has(.state-FAILED)");
      assertThat(failed).hasCount(1);
      assertThat(failed.locator("td").nth(3)).not().isEmpty();
      browser.check("connectors-test-failed");

      row.locator(".last-run a").click();
      page.waitForURL(server.uri("/runs/" + run.path("runId").asText()).toString());
      assertThat(page.locator("[data-run-state]")).hasText("Errored");
      Locator errors = page.locator("section.errors");
      assertThat(errors.locator(".error-list")).containsText(errorLine.path("message").asText());
      assertThat(errors.locator(".error-list")).containsText(errorLine.path("fix").asText());
      assertThat(page.locator("main")).not().containsText("not-the-secret");
      browser.check("run-errored");
    }
  }

  @Test
  @Order(7)
  void aListWhoseSessionEndedGoesToSignInAndComesBack() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("oli", Accounts.PASSWORD);
      Page page = browser.go("/connectors");
      assertThat(page.locator("#connector-" + falcon)).hasCount(1);
      // Signed out from elsewhere (another tab), then the list's next poll.
      page.evaluate("() => window.Sightline.api('DELETE', '/api/v1/session')");
      page.evaluate("() => htmx.trigger('#connectors-live', 'refresh')");
      page.waitForURL(server.uri("/?next=%2Fconnectors").toString());
      assertThat(page.getByLabel("User name")).isVisible();
      assertThat(page.locator("#connectors-live")).hasCount(0);
    }
  }
}
