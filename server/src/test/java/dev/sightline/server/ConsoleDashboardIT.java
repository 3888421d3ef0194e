package dev.sightline.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sightline.query.QueryParser;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard on a CrowdStrike simulator's data: the charts drawn from the query API's counts,
 * each bar a link to the query that counts it, the ten riskiest assets, connector health, the dark
 * theme, and only what the role may read.
 */
class ConsoleDashboardIT {
  private static CrowdStrikeSimulator sim;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(120));
    server = new TestServer("127.0.0.1", Optional.of(sim.caCertificatePem()));
    Accounts accounts = new Accounts(server);
    accounts.user("ada", "ADMIN");
    accounts.user("otto", "OPERATOR");
    accounts.user("ana", "ANALYST");
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                "Falcon prod",
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    // A draft with a wrong secret: its run ends ERRORED, as connector health must show.
    var broken =
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
    assertThat(broken.status()).as(broken.text()).isEqualTo(201);
    assertThat(server.runToEnd(broken.json().path("id").asText()).path("state").asText())
        .isEqualTo("ERRORED");
    String id = created.json().path("id").asText();
    JsonNode run = server.runToEnd(id);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    // Findings are imported, and assets scored, after the run reads PROCESSED.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                server
                        .get("/api/v1/runs/" + run.path("runId").asText())
                        .json()
                        .path("findingsState")
                        .asText()
                        .equals("PROCESSED")
                    && server.get("/api/v1/scoring/status").json().path("pendingAssets").asLong()
                        == 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    sim.close();
  }

  private static JsonNode count(String entity, String q, String groupBy) {
    return server
        .get(
            "/api/v1/"
                + entity
                + "/count?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (groupBy == null ? "" : "&groupBy=" + groupBy))
        .json();
  }

  @Test
  void anAdminSeesTheChartsTheRiskiestAssetsAndConnectorHealth() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      long findings = count("findings", "", null).path("total").asLong();
      long assets = count("assets", "", null).path("total").asLong();
      assertThat(findings).isPositive();
      assertThat(page.locator(".dash-totals")).containsText(String.format("%,d", findings));
      assertThat(page.locator(".dash-totals")).containsText(String.format("%,d", assets));
      for (String chart :
          List.of(
              "findings-by-severity",
              "findings-by-state",
              "findings-by-source",
              "assets-by-source",
              "assets-by-state",
              "assets-by-risk-band",
              "findings-per-day")) {
        Locator card = page.locator("#" + chart);
        assertThat(card.locator("h2")).isVisible();
        assertThat(card.locator("[data-chart-canvas] canvas")).hasCount(1);
        assertThat(card.locator("table caption")).containsText("(");
      }
      // Each bar's count is the API's count for the same query: read from the table fallback.
      JsonNode bySource = count("findings", "", "source").path("groups").get(0);
      Locator sourceRow =
          page.locator("#findings-by-source tbody tr")
              .filter(new Locator.FilterOptions().setHasText(bySource.path("key").asText()));
      assertThat(sourceRow.locator("td"))
          .hasAttribute("data-value", bySource.path("count").asText());

      JsonNode riskiest = server.get("/api/v1/assets?sort=-asset.riskScore&size=10").json();
      Locator rows = page.locator("#riskiest-assets tbody tr");
      assertThat(rows).hasCount(10);
      assertThat(rows.first().locator("a"))
          .hasAttribute("href", "/assets/" + riskiest.path("items").get(0).path("id").asText());
      assertThat(rows.first())
          .containsText(riskiest.path("items").get(0).path("riskScore").asText());

      Locator health = page.locator("#connector-health tbody tr[data-connector]");
      assertThat(health).hasCount(2);
      Locator good = page.locator("#connector-health tr[data-connector='Falcon prod']");
      assertThat(good).containsText("PROCESSED");
      assertThat(good.locator("td").last()).hasText("None");
      assertThat(page.locator("#connector-health tr[data-error-of='Falcon prod']")).hasCount(0);
      assertThat(good.locator("a").first())
          .hasAttribute("href", java.util.regex.Pattern.compile("^/connectors/[0-9a-f-]{36}$"));
      assertThat(good.locator("a").nth(1))
          .hasAttribute("href", java.util.regex.Pattern.compile("^/runs/[0-9a-f-]{36}$"));
      Locator bad = page.locator("#connector-health tr[data-connector='Falcon wrong secret']");
      assertThat(bad).containsText("(draft)");
      assertThat(bad.locator(".badge").nth(1)).hasText("ERRORED");
      // The run's error in the API's words, with its fix, beneath its row; never the secret.
      Locator error = page.locator("#connector-health tr[data-error-of='Falcon wrong secret']");
      assertThat(error.locator(".run-error")).containsText("To fix");
      assertThat(page.locator("#connector-health")).not().containsText("not-the-secret");
      browser.check("dashboard");
    }
  }

  @Test
  void aBarOpensTheFindingsOfItsQuery() {
    JsonNode groups = count("findings", "", "severity").path("groups");
    JsonNode top = groups.get(0);
    String severity = top.path("key").asText();
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      Locator box = page.locator("#findings-by-severity [data-chart-canvas]");
      assertThat(box.locator("canvas")).hasCount(1);
      box.scrollIntoViewIfNeeded();
      browser.assertQuiet();
      // Where ECharts drew the bar of that severity (categories run 5 down to 1): its middle.
      @SuppressWarnings("unchecked")
      List<Number> at =
          (List<Number>)
              page.evaluate(
                  "([sel, index, value]) => { const el = document.querySelector(sel);"
                      + " const p = echarts.getInstanceByDom(el)"
                      + ".convertToPixel({seriesIndex: 0}, [index, value / 2]);"
                      + " const r = el.getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }",
                  List.of(
                      "#findings-by-severity [data-chart-canvas]",
                      5 - Integer.parseInt(severity),
                      top.path("count").asInt()));
      page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
      page.waitForURL("**/findings?q=**");
      // The findings page belongs to another part of the console; this test reads only the URL.
      browser.forgetConsoleErrors();
      URI opened = URI.create(page.url());
      String q =
          URLDecoder.decode(opened.getRawQuery().substring("q=".length()), StandardCharsets.UTF_8);
      assertThat(q).isEqualTo("finding.severity:" + severity);
      QueryParser.withDefaults().parse(q);
      assertThat(count("findings", q, null).path("total").asLong())
          .isEqualTo(top.path("count").asLong());
    }
  }

  @Test
  void everyLinkOfTheDashboardRunsAQueryThatCountsWhatItShows() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      // Each chart comes on its own request: read the links once every one has come.
      assertThat(page.locator("[data-pending]")).hasCount(0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cells =
          (List<Map<String, Object>>)
              page.evaluate(
                  "() => Array.from(document.querySelectorAll('.dash-grid td[data-value] a'))"
                      + ".map(a => ({href: a.getAttribute('href'),"
                      + " value: a.closest('td').getAttribute('data-value')}))");
      assertThat(cells).hasSizeGreaterThan(12);
      for (Map<String, Object> cell : cells) {
        URI link = URI.create((String) cell.get("href"));
        String entity = link.getPath().substring(1);
        assertThat(entity).isIn("assets", "findings");
        String q = URLDecoder.decode(link.getRawQuery().substring(2), StandardCharsets.UTF_8);
        QueryParser.withDefaults().parse(q);
        assertThat(count(entity, q, null).path("total").asText())
            .as("%s", link)
            .isEqualTo(cell.get("value"));
      }
    }
  }

  @Test
  void theDarkThemeDrawsTheChartsInItsColours() {
    try (ConsoleBrowser browser = ConsoleBrowser.openDark(server)) {
      browser.signIn("ada", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator("#findings-by-severity canvas")).hasCount(1);
      Object colours =
          page.evaluate(
              "() => [getComputedStyle(document.documentElement).getPropertyValue('--text').trim(),"
                  + " echarts.getInstanceByDom(document.querySelector("
                  + "'#findings-by-severity [data-chart-canvas]')).getOption().textStyle.color]");
      assertThat(colours).isEqualTo(List.of("#e4e8ee", "#e4e8ee"));
      browser.check("dashboard-dark");
      // Switching the theme by hand (system → light) redraws the charts in the light colours.
      page.locator("[data-theme-switch]").click();
      assertThat(page.locator("html")).hasAttribute("data-theme", "light");
      assertThat(
              page.evaluate(
                  "() => echarts.getInstanceByDom(document.querySelector("
                      + "'#findings-by-severity [data-chart-canvas]')).getOption().textStyle.color"))
          .isEqualTo("#1c2330");
      browser.assertQuiet();
    }
  }

  @Test
  void anOperatorSeesConnectorHealthAndNoInventory() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("otto", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator("#connector-health tbody")).containsText("Falcon prod");
      assertThat(page.locator(".chart-card")).hasCount(0);
      assertThat(page.locator("#riskiest-assets")).hasCount(0);
      assertThat(page.locator(".dash-totals")).hasCount(0);
      browser.assertQuiet();
    }
  }

  @Test
  void anAnalystSeesTheInventoryToo() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server)) {
      browser.signIn("ana", Accounts.PASSWORD);
      Page page = browser.page;
      assertThat(page.locator("#findings-by-severity canvas")).hasCount(1);
      assertThat(page.locator("#riskiest-assets tbody tr")).hasCount(10);
      assertThat(page.locator("#connector-health tbody")).containsText("Falcon prod");
      browser.assertQuiet();
    }
  }

  @Test
  void aChartIsCountedOnlyForARoleThatMayReadWhatItCounts() {
    Accounts accounts = new Accounts(server);
    String operator = accounts.tokenOfNewUser("opal", "OPERATOR");
    String analyst = accounts.tokenOfNewUser("anya", "ANALYST");
    for (String chart :
        new String[] {"findings-by-severity", "findings-by-source", "assets-by-risk-band"}) {
      var asOperator =
          server.sendAs(
              operator,
              java.net.http.HttpRequest.newBuilder(server.uri("/dashboard/charts/" + chart)));
      assertThat(asOperator.status()).as(chart).isEqualTo(404);
      var asAnalyst =
          server.sendAs(
              analyst,
              java.net.http.HttpRequest.newBuilder(server.uri("/dashboard/charts/" + chart)));
      assertThat(asAnalyst.status()).as(chart).isEqualTo(200);
      assertThat(asAnalyst.text()).contains("id=\"" + chart + "\"").contains("<table");
    }
    var trend =
        server.sendAs(
            operator, java.net.http.HttpRequest.newBuilder(server.uri("/dashboard/trend")));
    assertThat(trend.status()).isEqualTo(404);
    var unknown =
        server.sendAs(
            analyst, java.net.http.HttpRequest.newBuilder(server.uri("/dashboard/charts/nope")));
    assertThat(unknown.status()).isEqualTo(404);
    var nobody =
        server.sendAs(null, java.net.http.HttpRequest.newBuilder(server.uri("/dashboard/trend")));
    assertThat(nobody.status()).as("not signed in: sent to sign in").isEqualTo(302);
  }
}
