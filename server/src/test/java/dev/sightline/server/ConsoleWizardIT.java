package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seeds' three-step wizard in a real browser, against both simulators over HTTPS: a wrong
 * secret first (the failed check and its fix shown, Next kept disabled, the secret cleared and the
 * rest kept), then the right one (five checks pass, Next opens), Scope & Schedule with the server's
 * confirmation sentence following Occurs, Advanced Settings saved tab by tab (and a change closed
 * without Save discarded), Review & Confirm with the secret masked, Create; then the API shows the
 * connector with what was chosen. Edit Connector on the same screens rotates a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleWizardIT {
  private static final String CROWDSTRIKE_SECRET = "sim-secret";

  private CrowdStrikeSimulator falcon;
  private CortexXdrSimulator cortex;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
    cortex = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(20));
    server =
        new TestServer(
            "127.0.0.1", Optional.of(falcon.caCertificatePem() + "\n" + cortex.caCertificatePem()));
    Accounts accounts = new Accounts(server);
    accounts.user("olga", "OPERATOR");
    accounts.user("ana", "ANALYST");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    falcon.close();
    cortex.close();
  }

  @Test
  void aCrowdStrikeConnectorIsCreatedThroughTheThreeSteps() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("olga", Accounts.PASSWORD);
      Page page = browser.go("/connectors/new");
      browser.check("wizard-new");
      page.getByRole(
              AriaRole.RADIO, new Page.GetByRoleOptions().setName("CrowdStrike Endpoint Security"))
          .check();
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Falcon wizard");
      Locator description =
          page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true));
      description.fill("d".repeat(165));
      assertThat(page.locator("#description-counter")).hasText("165 of 164 characters: 1 too many");
      description.fill("simulated tenant");
      assertThat(page.locator("#description-counter")).hasText("16 of 164 characters");
      field(page, "Url").fill(falcon.baseUrl().toString());
      field(page, "Client ID").fill("sim-client");

      wrongSecretFirst(browser, "Client Secret", "not-the-secret-5d2e", "crowdstrike");
      assertThat(field(page, "Client ID")).hasValue("sim-client");
      rightSecretThen(browser, "Client Secret", CROWDSTRIKE_SECRET, "crowdstrike");

      scopeAndSchedule(browser, "crowdstrike");

      // Advanced Settings: a filter and the severity mapping saved; a map change closed unsaved.
      Locator dialog = openAdvanced(page);
      Locator filters = dialog.locator("#panel-filters");
      filters.getByLabel("Fetch From").fill("2024-01-31");
      filters.getByLabel("Server", new Locator.GetByLabelOptions().setExact(true)).check();
      filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
      assertThat(filters.locator("[data-tab-status]")).containsText("Saved");
      tab(dialog, "Risk Severity Mapping").click();
      Locator severity = dialog.locator("#panel-severity");
      Locator ownSeverity = severity.locator("[data-type-for=crowdstrike]");
      ownSeverity.getByLabel("Default Severity").selectOption("3");
      ownSeverity
          .getByLabel("Severity 5", new Locator.GetByLabelOptions().setExact(true))
          .fill("95");
      severity.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
      assertThat(severity.locator("[data-tab-status]")).containsText("Saved");
      tab(dialog, "Transform Map").click();
      Locator hostname = dialog.getByLabel("Map hostname to assetName");
      hostname.uncheck();
      browser.check("wizard-advanced-crowdstrike");
      dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
      assertThat(dialog).isHidden();
      openAdvanced(page);
      tab(dialog, "Transform Map").click();
      assertThat(hostname).isChecked(); // closed without Save: discarded
      dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

      review(browser, "crowdstrike", CROWDSTRIKE_SECRET);
      assertThat(page.locator("[data-review]")).containsText("default severity 3");
      create(page);
    }
    JsonNode created = connectorNamed("Falcon wizard");
    assertThat(created.path("type").asText()).isEqualTo("crowdstrike");
    assertThat(created.path("dataToSync").asText()).isEqualTo("Assets & Findings");
    assertThat(created.path("description").asText()).isEqualTo("simulated tenant");
    assertThat(created.path("draft").asBoolean()).isFalse();
    assertThat(created.path("sampling").asBoolean()).isTrue();
    assertThat(created.path("schedule").path("occurs").asText()).isEqualTo("WEEKLY");
    assertThat(created.path("fetchFrom").asText()).startsWith("2024-01-31T00:00");
    assertThat(created.path("filters").path("productTypes").toString()).isEqualTo("[\"Server\"]");
    assertThat(created.path("auth").path("clientSecret").asText()).isEqualTo("********");
    String id = created.path("id").asText();
    JsonNode mapping = server.get("/api/v1/connectors/" + id + "/severity-mapping").json();
    assertThat(mapping.path("custom").asBoolean()).isTrue();
    assertThat(mapping.path("mapping").path("defaultSeverity").asInt()).isEqualTo(3);
    assertThat(mapping.path("mapping").path("qdsBySeverity").path("5").asInt()).isEqualTo(95);
    JsonNode maps = server.get("/api/v1/connectors/" + id + "/transform-maps").json();
    assertThat(maps.path("maps").get(0).path("custom").asBoolean())
        .as("the map change was closed without Save")
        .isFalse();
  }

  @Test
  void aCortexXdrConnectorIsCreatedThroughTheThreeSteps() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("olga", Accounts.PASSWORD);
      Page page = browser.go("/connectors/new");
      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Cortex XDR")).check();
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Cortex wizard");
      field(page, "Base URL").fill(cortex.baseUrl().toString());
      field(page, "API Key ID").fill(cortex.options().keyId());

      wrongSecretFirst(browser, "API Key", "x".repeat(64), "cortex-xdr");
      assertThat(field(page, "API Key ID")).hasValue(cortex.options().keyId());
      rightSecretThen(browser, "API Key", cortex.options().key(), "cortex-xdr");

      // A single occurrence in the past: refused beside its field in the server's words.
      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Single occurrence"))
          .check();
      page.getByLabel("Start date").fill("2001-01-01");
      assertThat(page.locator("[data-field-error='schedule.start']"))
          .containsText("a single occurrence must be in the future");
      next(page).click();
      assertThat(page.locator("[data-step=scope]")).isVisible();
      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Recurring")).check();
      page.getByLabel("Start date").fill(LocalDate.now().toString());
      assertThat(page.locator("[data-confirmation]")).containsText("to run daily from");
      browser.forgetConsoleErrors(); // the refused preview's 400, expected here
      scopeAndSchedule(browser, "cortex-xdr");
      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Assets").setExact(true))
          .check();

      Locator dialog = openAdvanced(page);
      assertThat(dialog.locator("#panel-filters")).containsText("declares no source filters");
      tab(dialog, "Transform Map").click();
      Locator maps = dialog.locator("#panel-maps");
      Locator assetMap =
          maps.locator("section.map")
              .filter(
                  new Locator.FilterOptions()
                      .setHas(
                          page.getByRole(
                              AriaRole.HEADING,
                              new Page.GetByRoleOptions()
                                  .setName("Cortex XDR Asset Transform Map (default)"))));
      assetMap.getByLabel("Map domain to domain").uncheck();
      assertThat(assetMap.getByLabel("Map endpoint_id to externalAssetId (required)")).isDisabled();
      maps.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
      assertThat(maps.locator("[data-tab-status]")).containsText("Saved");
      browser.check("wizard-advanced-cortex-xdr");
      dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

      review(browser, "cortex-xdr", cortex.options().key());
      assertThat(page.locator("[data-review]")).containsText("1 optional row left out");
      create(page);
    }
    JsonNode created = connectorNamed("Cortex wizard");
    assertThat(created.path("type").asText()).isEqualTo("cortex-xdr");
    assertThat(created.path("dataToSync").asText()).isEqualTo("Assets");
    assertThat(created.path("schedule").path("occurs").asText()).isEqualTo("WEEKLY");
    assertThat(created.path("auth").path("apiKey").asText()).isEqualTo("********");
    String id = created.path("id").asText();
    JsonNode maps = server.get("/api/v1/connectors/" + id + "/transform-maps").json().path("maps");
    JsonNode asset = maps.get(0);
    assertThat(asset.path("name").asText()).isEqualTo("Cortex XDR Asset Transform Map");
    assertThat(asset.path("custom").asBoolean()).isTrue();
    assertThat(targets(asset)).doesNotContain("domain").contains("externalAssetId", "hostName");
    assertThat(maps.get(1).path("custom").asBoolean()).isFalse();
    assertThat(targets(maps.get(1))).contains("domain");
    JsonNode mapping = server.get("/api/v1/connectors/" + id + "/severity-mapping").json();
    assertThat(mapping.path("custom").asBoolean()).isFalse();
  }

  @Test
  void editConnectorRotatesTheSecretOnTheSameScreens() {
    // A connector whose secret was regenerated at the vendor: the stored one no longer works.
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("url", falcon.baseUrl().toString());
    auth.put("clientId", "sim-client");
    auth.put("clientSecret", "regenerated-at-the-vendor");
    var stale =
        server.post(
            "/api/v1/connectors",
            Map.of("type", "crowdstrike", "name", "Falcon stale", "auth", auth, "draft", true));
    assertThat(stale.status()).as(stale.text()).isEqualTo(201);
    String id = stale.json().path("id").asText();

    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("olga", Accounts.PASSWORD);
      Page page = browser.go("/connectors/" + id + "/edit");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Edit connector");
      assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
          .hasValue("Falcon stale");
      assertThat(field(page, "Url")).hasValue(falcon.baseUrl().toString());
      assertThat(field(page, "Client Secret")).hasValue("");
      browser.check("wizard-edit");

      // Blank keeps the stored secret: the test is of the stored settings, and they fail.
      testConnection(page);
      assertThat(check(page, "AUTHENTICATION")).hasText("Failed");
      assertThat(next(page)).isDisabled();

      field(page, "Client Secret").fill(CROWDSTRIKE_SECRET);
      testConnection(page);
      assertThat(page.locator(".checks .state-PASSED")).hasCount(5);
      assertThat(next(page)).isEnabled();
      next(page).click();
      assertThat(page.locator("[data-confirmation]")).containsText("The sync is scheduled");
      next(page).click();
      assertThat(page.locator("[data-review]")).containsText("••••••••");
      assertThat(page.locator("[data-review]")).not().containsText(CROWDSTRIKE_SECRET);
      browser.check("wizard-edit-review");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
      landOnConnectors(page);
    }
    JsonNode edited = server.get("/api/v1/connectors/" + id).json();
    assertThat(edited.path("draft").asBoolean()).as("promoted by its passing test").isFalse();
    var retest = server.post("/api/v1/connectors/" + id + "/test", "");
    assertThat(retest.json().path("passed").asBoolean())
        .as("the stored secret is the new one: %s", retest.text())
        .isTrue();

    // Another edit with the secret left blank keeps the stored one.
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("olga", Accounts.PASSWORD);
      Page page = browser.go("/connectors/" + id + "/edit");
      page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true))
          .fill("secret rotated");
      testConnection(page);
      assertThat(page.locator(".checks .state-PASSED")).hasCount(5);
      next(page).click();
      next(page).click();
      assertThat(page.locator("[data-review]"))
          .containsText("Unchanged (the stored value is kept)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
      landOnConnectors(page);
    }
    assertThat(server.get("/api/v1/connectors/" + id).json().path("description").asText())
        .isEqualTo("secret rotated");
    assertThat(
            server.post("/api/v1/connectors/" + id + "/test", "").json().path("passed").asBoolean())
        .as("the blank secret kept the stored one")
        .isTrue();
  }

  @Test
  void theSchedulePreviewReadsAScheduleAsCreateWould() {
    var weekly =
        server.post(
            "/api/v1/schedules/preview",
            Map.of("occurs", "WEEKLY", "timezone", "Asia/Calcutta", "start", "2031-05-05T15:08"));
    assertThat(weekly.status()).as(weekly.text()).isEqualTo(200);
    assertThat(weekly.json().path("confirmation").asText())
        .isEqualTo(
            "The sync is scheduled to run weekly from May 5, 2031 at 03:08 PM till May 5, 2036 at"
                + " 03:08 PM in the Asia/Calcutta timezone");
    assertThat(weekly.json().path("nextRuns")).hasSize(5);
    var wrong = server.post("/api/v1/schedules/preview", Map.of("timezone", "Mars/Olympus"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("problems").get(0).path("field").asText())
        .isEqualTo("schedule.timezone");
  }

  @Test
  void anAnalystIsRefusedTheWizard() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      var refused = browser.page.navigate(server.uri("/connectors/new").toString());
      assertThat(refused.status()).isEqualTo(403);
      browser.forgetConsoleErrors(); // the 403 itself
    }
  }

  // ---- Steps shared by both types ----------------------------------------------------------

  private static void wrongSecretFirst(
      ConsoleBrowser browser, String secretLabel, String wrong, String type) {
    Page page = browser.page;
    field(page, secretLabel).fill(wrong);
    testConnection(page);
    assertThat(check(page, "AUTHENTICATION")).hasText("Failed");
    assertThat(page.locator("[data-check=AUTHENTICATION] [data-check-fix]"))
        .containsText("To fix:");
    assertThat(check(page, "DATA_FETCH")).not().hasText("Passed");
    assertThat(page.locator("[data-test-summary]")).containsText("failed");
    assertThat(next(page)).isDisabled();
    assertThat(field(page, secretLabel)).hasValue(""); // never kept after a failure
    browser.check("wizard-test-failed-" + type);
  }

  private static void rightSecretThen(
      ConsoleBrowser browser, String secretLabel, String right, String type) {
    Page page = browser.page;
    field(page, secretLabel).fill(right);
    assertThat(field(page, secretLabel)).hasAttribute("type", "password");
    testConnection(page);
    assertThat(page.locator(".checks .state-PASSED")).hasCount(5);
    assertThat(page.locator("[data-test-summary]")).containsText("All five checks passed");
    assertThat(next(page)).isEnabled();
    browser.check("wizard-profile-" + type);
    next(page).click();
  }

  private static void scopeAndSchedule(ConsoleBrowser browser, String type) {
    Page page = browser.page;
    Locator sentence = page.locator("[data-confirmation]");
    assertThat(sentence).containsText("The sync is scheduled to run daily from");
    page.getByLabel("Occurs").selectOption("WEEKLY");
    assertThat(sentence).containsText("The sync is scheduled to run weekly from");
    page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Single occurrence"))
        .check();
    assertThat(page.getByLabel("Occurs")).isHidden();
    page.getByLabel("Start date").fill("2031-05-13");
    page.getByLabel("Start time").fill("16:37");
    assertThat(sentence).containsText("The sync is scheduled for May 13, 2031 04:37 PM in");
    page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Recurring")).check();
    assertThat(sentence).containsText("weekly from May 13, 2031 at 04:37 PM till May 13, 2036");
    page.getByLabel("Limit sync to top 1,000 assets and findings").check();
    browser.check("wizard-scope-" + type);
  }

  private static Locator openAdvanced(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advanced Settings"))
        .click();
    Locator dialog = page.locator("dialog#advanced");
    assertThat(dialog).isVisible();
    return dialog;
  }

  private static void review(ConsoleBrowser browser, String type, String secret) {
    Page page = browser.page;
    next(page).click();
    Locator summary = page.locator("[data-review]");
    assertThat(summary).containsText("••••••••");
    assertThat(summary).not().containsText(secret);
    assertThat(summary).containsText("weekly from May 13, 2031");
    assertThat(summary).containsText("Limit sync to top 1,000 assets and findings");
    browser.check("wizard-review-" + type);
    // Previous goes back with everything kept; Next returns.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous")).click();
    assertThat(page.getByLabel("Occurs")).hasValue("WEEKLY");
    next(page).click();
    assertThat(summary).containsText("••••••••");
  }

  private void create(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true))
        .click();
    landOnConnectors(page);
  }

  /** After Create or Save: the connectors list, or the refusal the wizard showed instead. */
  private void landOnConnectors(Page page) {
    try {
      page.waitForURL(
          server.uri("/connectors").toString(), new Page.WaitForURLOptions().setTimeout(15_000));
    } catch (com.microsoft.playwright.TimeoutError e) {
      throw new AssertionError(
          "the wizard stayed on its page: " + page.locator("[data-wizard-error]").textContent(), e);
    }
  }

  private static Locator tab(Locator dialog, String name) {
    return dialog.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName(name));
  }

  private static Locator field(Page page, String label) {
    return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
  }

  private static void testConnection(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test Connection")).click();
  }

  private static Locator check(Page page, String check) {
    return page.locator("[data-check=" + check + "] [data-check-status]");
  }

  /** The Next of the step on screen. */
  private static Locator next(Page page) {
    return page.locator("[data-step]:not([hidden]) [data-wizard=next]");
  }

  private JsonNode connectorNamed(String name) {
    return StreamSupport.stream(server.get("/api/v1/connectors").json().spliterator(), false)
        .filter(c -> c.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connector named " + name));
  }

  private static java.util.List<String> targets(JsonNode map) {
    return StreamSupport.stream(map.path("fields").spliterator(), false)
        .filter(f -> "ASSET".equals(f.path("appliesTo").asText()))
        .map(f -> f.path("target").asText())
        .toList();
  }
}
