package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console in a real headless Chromium (Debian's {@code chromium}, never one Playwright would
 * download), driven by Playwright. One browser context is one person: its cookies are their
 * session. Every page it opens is watched: a console error, an uncaught script error or a request
 * to another host fails the test, and {@link #check} runs axe-core and keeps a screenshot under
 * {@code server/target/console-screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final List<String> SERIOUS = List.of("serious", "critical");

  private final Playwright playwright;
  private final Browser browser;
  private final BrowserContext context;
  private final URI base;
  private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
  private final List<String> offHost = Collections.synchronizedList(new ArrayList<>());
  final Page page;

  private ConsoleBrowser(URI base, String colorScheme) {
    this.base = base;
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium())
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setColorScheme(
                    "dark".equals(colorScheme)
                        ? com.microsoft.playwright.options.ColorScheme.DARK
                        : com.microsoft.playwright.options.ColorScheme.LIGHT)
                .setAcceptDownloads(true));
    context.setDefaultTimeout(30_000);
    page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            consoleErrors.add(page.url() + ": " + m.text());
          }
        });
    page.onPageError(e -> consoleErrors.add(page.url() + ": uncaught " + e));
    page.onRequest(
        r -> {
          URI target = URI.create(r.url());
          boolean local =
              target.getScheme() != null
                  && (target.getScheme().equals("data") || target.getScheme().equals("blob"));
          if (!local && !base.getHost().equals(target.getHost())) {
            offHost.add(r.url());
          }
        });
  }

  /** A browser for one person, in the light theme. */
  static ConsoleBrowser open(TestServer server) {
    return new ConsoleBrowser(server.base, "light");
  }

  /** A browser whose system asks for the dark theme. */
  static ConsoleBrowser openDark(TestServer server) {
    return new ConsoleBrowser(server.base, "dark");
  }

  /** Debian's Chromium, found on the PATH as {@code command -v chromium} would. */
  static Path chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "chromium");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "No 'chromium' on the PATH: the console's browser tests need Debian's chromium package"
            + " (.ci/run installs it; by hand: apt-get install chromium)");
  }

  Page go(String path) {
    page.navigate(base.resolve(path).toString());
    return page;
  }

  /** Signs in through the sign-in form and waits for the dashboard. */
  void signIn(String username, String password) {
    go("/");
    page.getByLabel("User name").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).waitFor();
  }

  /**
   * The checks every page passes: no serious or critical axe-core violation, no console error and
   * no request to another host so far; and a screenshot named after it.
   */
  void check(String name) {
    // Parts a page loads on their own request (the dashboard's charts) are checked once there.
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator("[data-pending]"))
        .hasCount(0);
    screenshot(name);
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze();
    List<Rule> serious =
        results.getViolations().stream().filter(v -> SERIOUS.contains(v.getImpact())).toList();
    assertThat(serious)
        .as(
            "axe-core violations on %s: %s",
            name,
            serious.stream()
                .map(
                    v ->
                        v.getId()
                            + " ("
                            + v.getHelp()
                            + ") at "
                            + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")))
        .isEmpty();
    assertQuiet();
  }

  /** No console error and no request to another host since the browser opened. */
  void assertQuiet() {
    assertThat(consoleErrors).as("browser console errors").isEmpty();
    assertThat(offHost).as("requests to another host").isEmpty();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    // From the top: a full-page picture of a scrolled page draws the sticky header mid-page.
    page.evaluate("() => window.scrollTo(0, 0)");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** Forgets the console errors seen so far: for a test that provoked one on purpose. */
  void forgetConsoleErrors() {
    consoleErrors.clear();
  }

  @Override
  public void close() {
    try {
      context.close();
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
