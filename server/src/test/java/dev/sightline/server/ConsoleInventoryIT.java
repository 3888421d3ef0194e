package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Assets > Host and Findings > Vulnerability in a real browser over an inventory synced from the
 * CrowdStrike simulator: the seeds' token in the query bar shows the manifest's count, a bad query
 * its position, sorting, keyset paging and reload keep to the URL, an asset's score is explained
 * term by term, Unlink splits it, criticality and decisions go through the API, the CSV export
 * carries the query's rows, and roles see what they may.
 */
// Changes last (the others run at the default order): the counts the other tests compare with the
// manifest stay the simulator's.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInventoryIT {
  private static final String SEEDS_TOKEN = "inventory:(source:\"CrowdStrike Spotlight\")";

  private CrowdStrikeSimulator falcon;
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    falcon = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(80));
    server = new TestServer("127.0.0.1", Optional.of(falcon.caCertificatePem()));
    Accounts accounts = new Accounts(server);
    accounts.user("ada", "ADMIN");
    accounts.user("ana", "ANALYST");
    accounts.user("otto", "OPERATOR");
    TestServer.Response made =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                "Falcon console",
                "auth",
                Map.of(
                    "url", falcon.baseUrl().toString(),
                    "clientId", "sim-client",
                    "clientSecret", "sim-secret")));
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    JsonNode run = server.runToEnd(made.json().path("id").asText());
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    falcon.close();
  }

  @Test
  void theSeedsTokenInTheQueryBarShowsTheManifestsCountAndTheCsvExportItsRows() throws Exception {
    JsonNode manifest = falcon.manifest();
    long expected = manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong();
    JsonNode api = server.get("/api/v1/assets?size=1&q=" + enc(SEEDS_TOKEN)).json();
    assertThat(api.path("total").asLong()).isEqualTo(expected);
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/assets");
      page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true)).fill(SEEDS_TOKEN);
      page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true)).press("Enter");
      assertThat(page).hasURL(Pattern.compile("[?&]q=inventory"));
      assertThat(page.locator("#row-count"))
          .containsText(
              "1–50 of " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(expected));
      assertThat(page.locator("#row-count")).containsText("(exact)");
      assertThat(page.locator("tbody tr")).hasCount(50);
      browser.check("assets");

      Download download =
          page.waitForDownload(
              () ->
                  page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"))
                      .click());
      List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
      assertThat(lines.get(0)).startsWith("id,");
      Set<Long> exported = new HashSet<>();
      lines.stream().skip(1).forEach(l -> exported.add(Long.parseLong(l.split(",", 2)[0])));
      assertThat(exported).hasSize(lines.size() - 1).isEqualTo(ids("/api/v1/assets", SEEDS_TOKEN));
      browser.assertQuiet();
    }
  }

  @Test
  void tokensCompleteFromTheCatalogue() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/assets");
      Locator bar = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Query"));
      bar.pressSequentially("asset.hostN");
      assertThat(page.getByRole(AriaRole.OPTION).first()).containsText("asset.hostName");
      bar.press("ArrowDown");
      bar.press("Enter");
      assertThat(bar).hasValue("asset.hostName:");
      bar.fill("");
      bar.pressSequentially("asset.riskBand:HI");
      assertThat(page.getByRole(AriaRole.OPTION).first()).containsText("HIGH");
      // Inside a nested term, tokens are named without the parent's prefix.
      bar.fill("");
      bar.pressSequentially("inventory:(sour");
      assertThat(page.getByRole(AriaRole.OPTION).first()).containsText("source");
      bar.press("Tab");
      assertThat(bar).hasValue("inventory:(source:");
      browser.assertQuiet();
    }
  }

  @Test
  void aBadQueryIsShownUnderTheBarWithItsPositionInTheApisWords() {
    String bad = "inventory:(source:\"x\"";
    JsonNode refused = server.get("/api/v1/assets?q=" + enc(bad)).json();
    String apiMessage = refused.path("message").asText();
    assertThat(apiMessage).contains("column");
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/assets?q=" + enc(bad));
      Locator error = page.locator("#q-error");
      assertThat(error).hasAttribute("role", "alert");
      assertThat(error).containsText(apiMessage);
      assertThat(error.locator(".caret-mark")).hasText(Pattern.compile("^\\s*\\^$"));
      assertThat(page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true)))
          .hasValue(bad);
      assertThat(page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true)))
          .hasAttribute("aria-invalid", "true");
      browser.check("assets-query-error");
    }
  }

  @Test
  void findingsSortByAColumnPageByKeysetAndAReloadShowsTheSamePage() {
    JsonNode first = server.get("/api/v1/findings?size=50&sort=-finding.qds").json();
    JsonNode second =
        server
            .get(
                "/api/v1/findings?size=50&sort=-finding.qds&after="
                    + enc(first.path("next").asText()))
            .json();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/findings");
      Locator qdsHeader = page.locator("th[data-column=qds] a");
      qdsHeader.click();
      assertThat(page.locator("th[data-column=qds]")).hasAttribute("aria-sort", "ascending");
      page.locator("th[data-column=qds] a").click();
      assertThat(page.locator("th[data-column=qds]")).hasAttribute("aria-sort", "descending");
      assertThat(page).hasURL(Pattern.compile("sort=-finding\\.qds"));
      assertThat(firstId(page)).isEqualTo(first.path("items").get(0).path("id").asText());
      browser.check("findings");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
      assertThat(page.locator("#row-count")).containsText("51–100 of");
      assertThat(firstId(page)).isEqualTo(second.path("items").get(0).path("id").asText());
      String url = page.url();
      page.reload();
      assertThat(page).hasURL(url);
      assertThat(page.locator("#row-count")).containsText("51–100 of");
      assertThat(firstId(page)).isEqualTo(second.path("items").get(0).path("id").asText());

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous")).click();
      assertThat(page.locator("#row-count")).containsText("1–50 of");
      assertThat(firstId(page)).isEqualTo(first.path("items").get(0).path("id").asText());
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous")))
          .hasCount(0);
      browser.assertQuiet();
    }
  }

  @Test
  void columnsAreChosenAndAViewIsSavedAndApplied() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.go("/findings?q=" + enc("finding.severity >= 4"));
      page.getByText("Columns", new Page.GetByTextOptions().setExact(true)).click();
      page.getByLabel("Products").check();
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).uncheck();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply columns")).click();
      assertThat(page.locator("th[data-column=vendorProductNames]")).isVisible();
      assertThat(page.locator("th[data-column=name]")).hasCount(0);
      assertThat(page).hasURL(Pattern.compile("cols="));
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")))
          .hasAttribute("href", Pattern.compile("columns=[^&]*vendorProductNames"));

      page.getByText("Saved views", new Page.GetByTextOptions().setExact(true)).click();
      page.getByLabel("Name of the view").fill("Severe");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this view"))
          .click();
      // The page reloads with the view in its list.
      assertThat(page.locator("ul.views")).containsText("Severe");
      page.getByText("Saved views", new Page.GetByTextOptions().setExact(true)).click();
      Locator view = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Severe"));
      assertThat(view).isVisible();
      browser.go("/findings");
      page.getByText("Saved views", new Page.GetByTextOptions().setExact(true)).click();
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Severe")).click();
      assertThat(page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true)))
          .hasValue("finding.severity >= 4");
      assertThat(page.locator("th[data-column=vendorProductNames]")).isVisible();

      // Its owner deletes it: asked once, naming what is lost; gone from the page and the API.
      page.getByText("Saved views", new Page.GetByTextOptions().setExact(true)).click();
      page.getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the saved view Severe"))
          .click();
      assertThat(page.locator("#confirm-dialog")).containsText("Delete the saved view 'Severe'?");
      page.locator("#confirm-dialog [data-confirm-ok]").click();
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Severe")))
          .hasCount(0);
      page.reload(); // read again from the server: the view is gone there, not only on the page
      page.getByText("Saved views", new Page.GetByTextOptions().setExact(true)).click();
      assertThat(page.locator("#main")).containsText("No saved view yet");
      browser.assertQuiet();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void anAssetShowsItsScoreTermByTermAndUnlinkSplitsIt() {
    JsonNode merged = assetWithSources(2);
    long id = merged.path("id").asLong();
    JsonNode score = server.get("/api/v1/assets/" + id + "/score").json();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/assets/" + id);
      Locator terms = page.locator("table.terms tbody tr");
      assertThat(terms).hasCount(score.path("risk").path("terms").size());
      for (JsonNode term : score.path("risk").path("terms")) {
        assertThat(page.locator("table.terms")).containsText(term.path("name").asText());
      }
      assertThat(page.locator("h1 .badge"))
          .containsText(score.path("risk").path("band").asText().charAt(0) + "");
      for (JsonNode source : merged.path("sources")) {
        assertThat(page.locator("#main")).containsText(source.path("linkRule").asText());
      }
      browser.check("asset-detail");

      // Its findings: the findings page with the query for this asset, counted as the API counts.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All findings")).click();
      long findings =
          server
              .get("/api/v1/findings?size=1&q=" + enc("asset.id:" + id))
              .json()
              .path("total")
              .asLong();
      assertThat(findings).isPositive();
      assertThat(page.locator("#row-count")).containsText("of " + findings + " findings");
      browser.go("/assets/" + id);

      // Criticality, through the API's PUT.
      page.getByLabel("Asset criticality (1 lowest, 5 highest)").selectOption("5");
      page.getByLabel("Why").fill("payment systems");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save criticality"))
          .click();
      assertThat(page.locator("#main")).containsText("Criticality 5 of 5");
      assertThat(server.get("/api/v1/assets/" + id).json().path("criticality").asInt())
          .isEqualTo(5);

      // Unlink the second source: the confirmation names it, and the asset splits in two.
      JsonNode leaving = merged.path("sources").get(1);
      page.locator("tr[data-source='" + leaving.path("sourceId").asText() + "'] button").click();
      assertThat(page.locator("#confirm-dialog"))
          .containsText(leaving.path("sourceRecordId").asText());
      page.locator("#confirm-dialog [data-confirm-ok]").click();
      assertThat(page).hasURL(Pattern.compile("split=\\d+"));
      long founded = Long.parseLong(page.url().replaceAll(".*split=(\\d+).*", "$1"));
      assertThat(page.locator(".notice-ok")).containsText("asset " + founded);
      assertThat(server.get("/api/v1/assets/" + id).json().path("sources")).hasSize(1);
      JsonNode split = server.get("/api/v1/assets/" + founded).json();
      assertThat(split.path("sources")).hasSize(1);
      assertThat(split.path("sources").get(0).path("sourceId").asLong())
          .isEqualTo(leaving.path("sourceId").asLong());
      browser.assertQuiet();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aFindingShowsItsDetectionsAndScoreAndTakesADecisionWithAReason() {
    // The top open finding: a fixed one, however high its QDS, has no terms (it does not count).
    JsonNode top =
        server
            .get(
                "/api/v1/findings?size=1&sort=-finding.qds&q="
                    + java.net.URLEncoder.encode(
                        "NOT finding.state:FIXED", java.nio.charset.StandardCharsets.UTF_8))
            .json()
            .path("items")
            .get(0);
    long id = top.path("id").asLong();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.go("/findings/" + id);
      assertThat(page.locator("h1 .badge.sev-" + top.path("findingSeverity").asInt()).first())
          .containsText("Severity " + top.path("findingSeverity").asInt());
      assertThat(page.locator("#main")).containsText("Detections per source");
      assertThat(page.locator("section[aria-labelledby=detections] tbody tr"))
          .hasCount(top.path("detections").size());
      assertThat(page.locator("section[aria-labelledby=score] table.terms tbody tr").first())
          .isVisible();
      assertThat(page.locator("#main")).containsText("First found (NEW)");
      browser.check("finding-detail");

      page.getByLabel("Decision to record").selectOption("FALSE_POSITIVE");
      page.getByLabel("Reason").fill("scanner misreads the package version");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision"))
          .click();
      assertThat(page.locator("section[aria-labelledby=what]")).containsText("FALSE_POSITIVE");
      assertThat(server.get("/api/v1/findings/" + id).json().path("decision").asText())
          .isEqualTo("FALSE_POSITIVE");
      browser.assertQuiet();
    }
  }

  @Test
  void anAnalystReadsEveryPageAndAnOperatorIsRefusedThem() {
    long asset =
        server.get("/api/v1/assets?size=1").json().path("items").get(0).path("id").asLong();
    long finding =
        server.get("/api/v1/findings?size=1").json().path("items").get(0).path("id").asLong();
    List<String> pages =
        List.of("/assets", "/findings", "/assets/" + asset, "/findings/" + finding);
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      for (String path : pages) {
        var answer = browser.page.navigate(server.uri(path).toString());
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(browser.page.locator("#main h1")).isVisible();
      }
      browser.assertQuiet();
    }
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("otto", Accounts.PASSWORD);
      var nav =
          browser.page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
      assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Host")))
          .hasCount(0);
      for (String path : pages) {
        var answer = browser.page.navigate(server.uri(path).toString());
        assertThat(answer.status()).as(path).isEqualTo(403);
        assertThat(browser.page.getByRole(AriaRole.HEADING)).containsText("Not allowed");
      }
      browser.forgetConsoleErrors(); // the 403s themselves
    }
  }

  private static String firstId(Page page) {
    return page.locator("tbody tr").first().locator("td").first().innerText().trim();
  }

  private JsonNode assetWithSources(int sources) {
    String after = null;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/assets?size=200&sort=asset.id"
                      + (after == null ? "" : "&after=" + enc(after)))
              .json();
      for (JsonNode a : page.path("items")) {
        if (a.path("sources").size() == sources) {
          return server.get("/api/v1/assets/" + a.path("id").asLong()).json();
        }
      }
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
    } while (after != null);
    throw new AssertionError("no asset with " + sources + " sources: the simulator reimages none");
  }

  private Set<Long> ids(String path, String q) {
    Set<Long> ids = new HashSet<>();
    List<String> cursors = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          server
              .get(path + "?size=1000&q=" + enc(q) + (after == null ? "" : "&after=" + enc(after)))
              .json();
      page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
      after = page.path("next").isMissingNode() ? null : page.path("next").asText(null);
      cursors.add(after);
    } while (after != null && cursors.size() < 100);
    return ids;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
