package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's acceptance walk, for each vendor against its simulator, as one person in one browser:
 * sign in → New connector → a wrong secret first (the failed check and its fix shown, Next held) →
 * the right one (five checks pass, Next enabled) → advanced settings saved → Review & Confirm →
 * Create → Run now, watching the state reach Processed on the list without a reload → the seeds'
 * token for the source in the query bar shows the simulator manifest's count → an asset and its
 * score explanation → Unlink and the split → the CSV export's rows are the API's for the same
 * query. The two tenants share hosts, so the second walk finds assets that both vendors report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleWalkIT {
  private static final LocatorAssertions.ContainsTextOptions RUN_TIME =
      new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

  private CrowdStrikeSimulator falcon;
  private CortexXdrSimulator cortex;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(80));
    cortex = CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40).withOffset(60));
    server =
        new TestServer(
            "127.0.0.1", Optional.of(falcon.caCertificatePem() + "\n" + cortex.caCertificatePem()));
    new Accounts(server).user("ada", "ADMIN");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    falcon.close();
    cortex.close();
  }

  @Test
  @Order(1)
  void crowdStrikeFromTheWizardToTheExport() throws Exception {
    Vendor vendor =
        new Vendor(
            "crowdstrike",
            "CrowdStrike Endpoint Security",
            "Falcon walk",
            "inventory:(source:\"CrowdStrike Spotlight\")",
            falcon.manifest().path("hosts").asLong()
                + falcon.manifest().path("unmanagedAssets").asLong());
    walk(
        vendor,
        page -> {
          field(page, "Url").fill(falcon.baseUrl().toString());
          field(page, "Client ID").fill("sim-client");
        },
        "Client Secret",
        "sim-secret");
  }

  @Test
  @Order(2)
  void cortexXdrFromTheWizardToTheExport() throws Exception {
    Vendor vendor =
        new Vendor(
            "cortex-xdr",
            "Cortex XDR",
            "Cortex walk",
            "inventory:(source:\"Palo Alto Networks\")",
            cortex.manifest().path("hosts").asLong());
    walk(
        vendor,
        page -> {
          field(page, "Base URL").fill(cortex.baseUrl().toString());
          field(page, "API Key ID").fill(cortex.options().keyId());
        },
        "API Key",
        cortex.options().key());
  }

  private record Vendor(String type, String label, String name, String seedsToken, long count) {}

  private void walk(
      Vendor vendor,
      java.util.function.Consumer<Page> connection,
      String secretLabel,
      String secret)
      throws Exception {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      browser.check("walk-dashboard-before-" + vendor.type());

      // New connector: Profile & Connectivity, a wrong secret first.
      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Connectors").setExact(true))
          .click();
      // The page's action (the empty list offers the same link again).
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New connector"))
          .first()
          .click();
      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(vendor.label())).check();
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(vendor.name());
      connection.accept(page);
      field(page, secretLabel).fill("wrong-" + "x".repeat(58));
      testConnection(page);
      assertThat(check(page, "AUTHENTICATION")).hasText("Failed");
      assertThat(page.locator("[data-check=AUTHENTICATION] [data-check-fix]"))
          .containsText("To fix:");
      assertThat(next(page)).isDisabled();
      browser.check("walk-test-failed-" + vendor.type());

      // The right secret: five checks pass, Next opens Scope & Schedule.
      field(page, secretLabel).fill(secret);
      testConnection(page);
      assertThat(page.locator(".checks .state-PASSED")).hasCount(5);
      assertThat(next(page)).isEnabled();
      browser.check("walk-profile-" + vendor.type());
      next(page).click();

      // Scope & Schedule: weekly from a date to come, so that only Run now starts a run here.
      page.getByLabel("Occurs").selectOption("WEEKLY");
      page.getByLabel("Start date").fill("2031-05-13");
      page.getByLabel("Start time").fill("16:37");
      assertThat(page.locator("[data-confirmation]"))
          .containsText("weekly from May 13, 2031 at 04:37 PM");
      // Advanced Settings: the risk severity mapping changed and saved.
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Advanced Settings"))
          .click();
      Locator dialog = page.locator("dialog#advanced");
      dialog
          .getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Risk Severity Mapping"))
          .click();
      Locator severity = dialog.locator("#panel-severity");
      severity
          .locator("[data-type-for=" + vendor.type() + "]")
          .getByLabel("Severity 5", new Locator.GetByLabelOptions().setExact(true))
          .fill("97");
      severity.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
      assertThat(severity.locator("[data-tab-status]")).containsText("Saved");
      browser.check("walk-advanced-" + vendor.type());
      dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

      // Review & Confirm, then Create.
      next(page).click();
      assertThat(page.locator("[data-review]")).containsText(vendor.name());
      assertThat(page.locator("[data-review]")).not().containsText(secret);
      browser.check("walk-review-" + vendor.type());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true))
          .click();
      page.waitForURL(server.uri("/connectors").toString());
      String id = connectorNamed(vendor.name()).path("id").asText();
      JsonNode mapping = server.get("/api/v1/connectors/" + id + "/severity-mapping").json();
      assertThat(mapping.path("mapping").path("qdsBySeverity").path("5").asInt()).isEqualTo(97);

      // Run now: the state reaches Processed on the list, in the same document.
      page.evaluate("() => { window.walkStayed = 'same document'; }");
      Locator row = page.locator("#connector-" + id);
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run now")).click();
      assertThat(row.locator(".state-cell .badge")).containsText("Processed", RUN_TIME);
      assertThat(page.evaluate("() => window.walkStayed")).isEqualTo("same document");
      browser.check("walk-connectors-processed-" + vendor.type());

      // The seeds' token for the source shows the simulator manifest's count.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Host").setExact(true))
          .click();
      Locator bar = page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true));
      bar.fill(vendor.seedsToken());
      bar.press("Enter");
      assertThat(page).hasURL(Pattern.compile("[?&]q=inventory"));
      assertThat(page.locator("#row-count"))
          .containsText(
              "of " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(vendor.count()));
      browser.check("walk-assets-" + vendor.type());
      String listing = page.url();

      // An asset of this source with two source records: its score explained, then Unlink.
      JsonNode merged = assetWithTwoSources(vendor.seedsToken());
      long asset = merged.path("id").asLong();
      JsonNode score = server.get("/api/v1/assets/" + asset + "/score").json();
      browser.go("/assets/" + asset);
      assertThat(page.locator("table.terms tbody tr"))
          .hasCount(score.path("risk").path("terms").size());
      browser.check("walk-asset-" + vendor.type());
      JsonNode leaving = merged.path("sources").get(1);
      page.locator("tr[data-source='" + leaving.path("sourceId").asText() + "'] button").click();
      page.locator("#confirm-dialog [data-confirm-ok]").click();
      assertThat(page).hasURL(Pattern.compile("split=\\d+"));
      long split = Long.parseLong(page.url().replaceAll(".*split=(\\d+).*", "$1"));
      assertThat(server.get("/api/v1/assets/" + asset).json().path("sources")).hasSize(1);
      assertThat(server.get("/api/v1/assets/" + split).json().path("sources")).hasSize(1);
      browser.check("walk-asset-split-" + vendor.type());

      // The CSV export of the query: the API's rows for the same query.
      page.navigate(listing);
      Download download =
          page.waitForDownload(
              () ->
                  page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"))
                      .click());
      List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
      Set<Long> exported = new HashSet<>();
      lines.stream().skip(1).forEach(l -> exported.add(Long.parseLong(l.split(",", 2)[0])));
      assertThat(exported).hasSize(lines.size() - 1).isEqualTo(ids(vendor.seedsToken()));
      browser.assertQuiet();
    }
  }

  private JsonNode assetWithTwoSources(String q) {
    String after = null;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/assets?size=200&sort=asset.id&q="
                      + enc(q)
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      for (JsonNode a : page.path("items")) {
        if (a.path("sources").size() >= 2) {
          return server.get("/api/v1/assets/" + a.path("id").asLong()).json();
        }
      }
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    throw new AssertionError("no asset of " + q + " has two source records");
  }

  private Set<Long> ids(String q) {
    Set<Long> ids = new HashSet<>();
    String after = null;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/assets?size=200&sort=asset.id&q="
                      + enc(q)
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      page.path("items").forEach(a -> ids.add(a.path("id").asLong()));
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    return ids;
  }

  private JsonNode connectorNamed(String name) {
    return StreamSupport.stream(server.get("/api/v1/connectors").json().spliterator(), false)
        .filter(c -> c.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connector named " + name));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
}
