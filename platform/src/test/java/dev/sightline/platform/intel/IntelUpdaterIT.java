package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.SourceMeaning;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.connector.testkit.MutableClock;
import dev.sightline.connector.testkit.Tinyproxy;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.intel.FeedOutcome.Status;
import dev.sightline.platform.intel.FeedStates.FeedState;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.simulators.server.SimulatorServer;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code intel update} against feeds served over HTTPS on loopback by a generated CA, into real
 * PostgreSQL with a scored inventory: changed files become loads that rescore exactly the findings
 * they touch, unchanged ones cost a 304 and add nothing, NVD is read page by page under its rate
 * limit, and a feed that fails is reported while the others load.
 */
@ExtendWith(PostgresExtension.class)
class IntelUpdaterIT {
  private static final Instant START = Instant.parse("2026-01-15T09:00:00Z");
  private static final String LOG4SHELL = "CVE-2021-44228";
  private static final String OTHER = "CVE-2020-0002";
  private static final String KEV_PATH = "/feeds/known_exploited_vulnerabilities.json";
  private static final String EPSS_PATH = "/epss_scores-current.csv.gz";
  private static final String EPSS_CSV =
      """
      #model_version:v2025.03.14,score_date:2026-01-14T00:00:00+0000
      cve,epss,percentile
      CVE-2019-0001,0.01000,0.50000
      CVE-2019-0002,0.02000,0.60000
      """;

  private static LoopbackCertificates certificates;
  private static SimulatorServer server;
  // each test serves its own files; the server hands every request to the current ones
  private static volatile FeedFiles feedFiles;

  private final Jdbc jdbc;
  private final DataSource dataSource;
  private final MutableClock clock = new MutableClock(START);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        clock.advance(d);
      };
  private final ScoreRefresher refresher;
  private final UUID connector = UUID.randomUUID();

  IntelUpdaterIT(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    Clock system = Clock.systemUTC();
    refresher =
        new ScoreRefresher(
            jdbc,
            new ScoringSettings(jdbc, system, new SeverityDefaults(ConnectorCatalog.discover())),
            system);
  }

  @BeforeAll
  static void serveFeeds() {
    certificates = LoopbackCertificates.generate("Intel feeds");
    server =
        SimulatorServer.open(
            "intel feeds",
            0,
            () ->
                SimulatorServer.start(
                    "intel",
                    0,
                    certificates,
                    exchange -> feedFiles.handle(exchange),
                    Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void freshFeedsAndInventory() {
    jdbc.update(
        "TRUNCATE connector, asset, asset_rescore, scoring_settings, cve_intel, intel_load,"
            + " intel_feed CASCADE");
    feedFiles = new FeedFiles();
    feedFiles.put(
        KEV_PATH,
        FeedFiles.kev("2026.01.10", "2026-01-10T12:00:00.000Z", "CVE-2019-0001"),
        "\"kev-1\"",
        "Sat, 10 Jan 2026 12:00:00 GMT");
    // FIRST's bucket sends Last-Modified; this one no ETag, so If-Modified-Since does the work
    feedFiles.put(EPSS_PATH, FeedFiles.gzip(EPSS_CSV), null, "Wed, 14 Jan 2026 06:00:00 GMT");
    feedFiles.nvd(2000, FeedFiles.nvdCve("CVE-2019-0003", "2026-01-14T10:00:00.000", 5.3));
    scoredInventory();
  }

  private URI url(String path) {
    return server.baseUrl().resolve(path);
  }

  private IntelFeeds feeds(Optional<String> apiKey) {
    return new IntelFeeds(url(KEV_PATH), url(EPSS_PATH), url(FeedFiles.NVD_PATH), apiKey);
  }

  private IntelUpdater updater() {
    return updater(feeds(Optional.empty()), trustingTheFeeds(), TargetPolicy.fromList("127.0.0.1"));
  }

  private IntelUpdater updater(IntelFeeds feeds, SSLContext tls, TargetPolicy policy) {
    return new IntelUpdater(dataSource, feeds, tls, policy, clock, sleeper);
  }

  /** Production's trust: the JVM's CAs plus an extra PEM, here the feed server's CA. */
  private static SSLContext trustingTheFeeds() {
    return TrustMaterial.jvmDefaultPlus(certificates.caCertificatePem());
  }

  private static Map<IntelSource, FeedOutcome> bySource(IntelUpdate update) {
    Map<IntelSource, FeedOutcome> map = new java.util.EnumMap<>(IntelSource.class);
    update.feeds().forEach(f -> map.put(f.source(), f));
    return map;
  }

  @Test
  void shouldFetchEveryFeedThroughTheOutboundProxy(@TempDir Path dir) throws Exception {
    // No credentials here: this JVM's first HttpClient may predate the tunnel switch that Basic
    // needs (SightlineMain sets it at start); ProxyEndToEndIT covers credentials on the server.
    try (Tinyproxy proxy = Tinyproxy.start(dir, null)) {
      OutboundProxy outbound = OutboundProxy.fromEnvironment(Map.of("HTTPS_PROXY", proxy.url("")));
      IntelUpdate update =
          new IntelUpdater(
                  dataSource,
                  feeds(Optional.empty()),
                  trustingTheFeeds(),
                  outbound,
                  TargetPolicy.fromList("127.0.0.1"),
                  clock,
                  sleeper)
              .update();

      assertThat(update.feeds()).extracting(FeedOutcome::status).containsOnly(Status.FETCHED);
      assertThat(proxy.connectsTo("127.0.0.1:" + server.baseUrl().getPort(), 0))
          .as("each feed's CONNECT")
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void shouldNameTheProxyWhenItCannotBeReached() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    OutboundProxy outbound =
        OutboundProxy.fromEnvironment(
            Map.of("SIGHTLINE_PROXY_URL", "http://u:feed-proxy-secret@127.0.0.1:" + closed));

    IntelUpdate update =
        new IntelUpdater(
                dataSource,
                feeds(Optional.empty()),
                trustingTheFeeds(),
                outbound,
                TargetPolicy.fromList("127.0.0.1"),
                clock,
                sleeper)
            .update();

    FeedOutcome kev = bySource(update).get(IntelSource.KEV);
    assertThat(kev.status()).isEqualTo(Status.FAILED);
    assertThat(kev.line())
        .contains("through the proxy")
        .contains("cannot connect to the proxy http://u:***@127.0.0.1:" + closed)
        .contains("SIGHTLINE_PROXY_URL")
        .doesNotContain("feed-proxy-secret");
  }

  @Test
  void shouldLoadAChangedKevCatalogAndRescoreOnlyTheFindingsItTouches() {
    IntelUpdate first = updater().update();
    assertThat(first.feeds()).extracting(FeedOutcome::status).containsOnly(Status.FETCHED);
    assertThat(RescoreQueue.pending(jdbc))
        .as("no finding of the inventory is on a CVE the first files name")
        .isZero();
    feedFiles.put(
        KEV_PATH,
        FeedFiles.kev("2026.01.15", "2026-01-15T08:00:00.000Z", "CVE-2019-0001", LOG4SHELL),
        "\"kev-2\"",
        "Thu, 15 Jan 2026 08:00:00 GMT");
    clock.advance(Duration.ofDays(1));

    IntelUpdate second = updater().update();

    FeedOutcome kev = bySource(second).get(IntelSource.KEV);
    assertThat(kev.status()).isEqualTo(Status.FETCHED);
    assertThat(kev.load().version()).isEqualTo("2026.01.15");
    assertThat(List.of(kev.load().records(), kev.load().inserted(), kev.load().unchanged()))
        .containsExactly(2L, 1L, 1L);
    assertThat(kev.load().fileName()).isEqualTo(url(KEV_PATH).toString());
    assertThat(kev.line()).startsWith("KEV  fetched 2 records from " + url(KEV_PATH));
    assertThat(feedFiles.requests(KEV_PATH).get(1).header("If-None-Match")).isEqualTo("\"kev-1\"");
    assertThat(loads(IntelSource.KEV)).isEqualTo(2);
    assertThat(RescoreQueue.pending(jdbc)).as("only the asset with the Log4Shell finding").isOne();

    ScoreRefresher.Outcome rescored = refresher.drain();

    assertThat(rescored.assetsScored()).isOne();
    assertThat(rescored.findingsChanged()).as("the finding on the newly listed CVE").isOne();
    assertThat(storedQds(LOG4SHELL)).isGreaterThanOrEqualTo(90);
    assertThat(storedQds(OTHER)).isEqualTo(40);
    assertThat(qdsMethod(LOG4SHELL)).isEqualTo("THREAT_INTELLIGENCE");
  }

  @Test
  void shouldAddNoLoadAndRescoreNothingWhenTheFeedsAnswerNotModified() {
    updater().update();
    refresher.drain();
    long loadsBefore = jdbc.queryOne("SELECT count(*) FROM intel_load", rs -> rs.getLong(1)).get();

    IntelUpdate again = updater().update();

    Map<IntelSource, FeedOutcome> outcome = bySource(again);
    assertThat(outcome.get(IntelSource.KEV).status()).isEqualTo(Status.UNCHANGED);
    assertThat(outcome.get(IntelSource.EPSS).status()).isEqualTo(Status.UNCHANGED);
    assertThat(outcome.get(IntelSource.KEV).line())
        .isEqualTo(
            "KEV  unchanged (304 Not Modified since the last fetch from " + url(KEV_PATH) + ")");
    assertThat(feedFiles.requests(KEV_PATH).get(1).header("If-None-Match")).isEqualTo("\"kev-1\"");
    assertThat(feedFiles.requests(EPSS_PATH).get(1).header("If-Modified-Since"))
        .isEqualTo("Wed, 14 Jan 2026 06:00:00 GMT");
    assertThat(loads(IntelSource.KEV)).isOne();
    assertThat(loads(IntelSource.EPSS)).isOne();
    // NVD is a query, not a file: a new window of changes is a new load
    assertThat(jdbc.queryOne("SELECT count(*) FROM intel_load", rs -> rs.getLong(1)))
        .contains(loadsBefore + 1);
    assertThat(RescoreQueue.pending(jdbc)).isZero();
    assertThat(again.anyFailed()).isFalse();
  }

  @Test
  void shouldAskAnotherUrlWithoutTheValidatorsOfTheFirst() {
    updater().update(IntelSource.KEV);
    String mirror = "/mirror/known_exploited_vulnerabilities.json";
    feedFiles.put(
        mirror,
        FeedFiles.kev("2026.01.10", "2026-01-10T12:00:00.000Z", "CVE-2019-0001"),
        "\"kev-1\"",
        null);

    FeedOutcome kev =
        updater(
                new IntelFeeds(
                    url(mirror), url(EPSS_PATH), url(FeedFiles.NVD_PATH), Optional.empty()),
                trustingTheFeeds(),
                TargetPolicy.fromList("127.0.0.1"))
            .update(IntelSource.KEV);

    assertThat(feedFiles.requests(mirror).get(0).header("If-None-Match"))
        .as("an ETag means something only to the server that sent it")
        .isNull();
    assertThat(kev.status()).isEqualTo(Status.FETCHED);
    assertThat(feedState(IntelSource.KEV).url()).isEqualTo(url(mirror).toString());
  }

  @Test
  void shouldReadEveryNvdPageIntoOneLoadAtNvdsPaceAndContinueFromWhereItEnded() {
    feedFiles.nvd(
        2,
        FeedFiles.nvdCve("CVE-2019-0003", "2026-01-14T10:00:00.000", 5.3),
        FeedFiles.nvdCve("CVE-2019-0004", "2026-01-14T11:00:00.000", 7.5),
        FeedFiles.nvdCve("CVE-2019-0005", "2026-01-14T12:00:00.000", 9.8));
    IntelUpdater updater = updater();

    FeedOutcome nvd = updater.update(IntelSource.NVD);

    assertThat(nvd.status()).isEqualTo(Status.FETCHED);
    assertThat(List.of(nvd.load().records(), nvd.load().inserted())).containsExactly(3L, 3L);
    assertThat(nvd.detail())
        .startsWith("changes from 2026-01-08T09:00:00Z to 2026-01-15T09:00:00Z in 2 pages")
        .contains("the first update reads the last 7 days only");
    List<FeedFiles.Request> pages = feedFiles.requests(FeedFiles.NVD_PATH);
    assertThat(pages)
        .extracting(FeedFiles.Request::query)
        .containsExactly(
            "lastModStartDate=2026-01-08T09:00:00.000%2B00:00"
                + "&lastModEndDate=2026-01-15T09:00:00.000%2B00:00&resultsPerPage=2000&startIndex=0",
            "lastModStartDate=2026-01-08T09:00:00.000%2B00:00"
                + "&lastModEndDate=2026-01-15T09:00:00.000%2B00:00&resultsPerPage=2000&startIndex=2");
    assertThat(pages).allSatisfy(r -> assertThat(r.header("apiKey")).isNull());
    assertThat(sleeps)
        .as("5 requests in 30 s without a key")
        .containsExactly(Duration.ofSeconds(6));
    assertThat(new IntelLookup(dataSource).forCves(List.of("CVE-2019-0005")).get("CVE-2019-0005"))
        .extracting(CveIntel::cvssV3Base, CveIntel::nvdLoadId)
        .containsExactly(9.8, nvd.load().id());
    assertThat(feedState(IntelSource.NVD).nvdWindowEnd()).isEqualTo(START);

    clock.advance(Duration.ofDays(1));
    Instant secondStart = clock.instant();
    FeedOutcome next = updater.update(IntelSource.NVD);

    assertThat(next.detail())
        .as("from the stored end, less the overlap, to the time the update started")
        .isEqualTo(
            "changes from "
                + START.minus(NvdWindow.OVERLAP)
                + " to "
                + secondStart
                + " in 2 pages");
    assertThat(List.of(next.load().records(), next.load().inserted(), next.load().unchanged()))
        .containsExactly(3L, 0L, 3L);
    assertThat(feedState(IntelSource.NVD).nvdWindowEnd()).isEqualTo(secondStart);
  }

  @Test
  void shouldSendTheApiKeyAndKeepTheFasterPaceItAllows() {
    feedFiles.nvd(
        1,
        FeedFiles.nvdCve("CVE-2019-0003", "2026-01-14T10:00:00.000", 5.3),
        FeedFiles.nvdCve("CVE-2019-0004", "2026-01-14T11:00:00.000", 7.5));

    FeedOutcome nvd =
        updater(
                feeds(Optional.of("nvd-key-0123")),
                trustingTheFeeds(),
                TargetPolicy.fromList("127.0.0.1"))
            .update(IntelSource.NVD);

    assertThat(nvd.status()).isEqualTo(Status.FETCHED);
    assertThat(feedFiles.requests(FeedFiles.NVD_PATH))
        .extracting(r -> r.header("apiKey"))
        .containsExactly("nvd-key-0123", "nvd-key-0123");
    assertThat(sleeps).as("50 requests in 30 s with a key").containsExactly(Duration.ofMillis(600));
    assertThat(nvd.line() + nvd.load().fileName()).doesNotContain("nvd-key-0123");
  }

  @Test
  void shouldReportAFailingFeedAndStillLoadTheOthers() {
    feedFiles.fail(EPSS_PATH, 404, 1, null);

    IntelUpdate update = updater().update();

    Map<IntelSource, FeedOutcome> outcome = bySource(update);
    assertThat(update.anyFailed()).isTrue();
    assertThat(outcome.get(IntelSource.KEV).status()).isEqualTo(Status.FETCHED);
    assertThat(outcome.get(IntelSource.NVD).status()).isEqualTo(Status.FETCHED);
    FeedOutcome epss = outcome.get(IntelSource.EPSS);
    assertThat(epss.status()).isEqualTo(Status.FAILED);
    assertThat(epss.line())
        .isEqualTo(
            "EPSS failed: "
                + url(EPSS_PATH)
                + " answered HTTP 404 (scripted 404): there is no feed at that URL; check"
                + " SIGHTLINE_INTEL_EPSS_URL (unset it to use the publisher's URL)");
    assertThat(loads(IntelSource.EPSS)).isZero();
    assertThat(feedState(IntelSource.EPSS).lastError()).isEqualTo(epss.detail());

    FeedOutcome retried = updater().update(IntelSource.EPSS);

    assertThat(retried.status()).isEqualTo(Status.FETCHED);
    assertThat(feedState(IntelSource.EPSS).lastError()).isNull();
  }

  @Test
  void shouldTryABusyFeedAgainAfterItsRetryAfter() {
    feedFiles.fail(KEV_PATH, 503, 1, "7");

    FeedOutcome kev = updater().update(IntelSource.KEV);

    assertThat(kev.status()).isEqualTo(Status.FETCHED);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void shouldGiveUpOnAFeedThatStaysBusyAndSaySo() {
    feedFiles.fail(KEV_PATH, 503, FeedHttp.MAX_ATTEMPTS, null);

    FeedOutcome kev = updater().update(IntelSource.KEV);

    assertThat(kev.status()).isEqualTo(Status.FAILED);
    assertThat(kev.detail())
        .isEqualTo(
            url(KEV_PATH)
                + " answered HTTP 503 (scripted 503) 3 times: the service is busy or down;"
                + " run `sightline intel update` again later");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void shouldStoreNothingFromADownloadThatBreaksOff() {
    feedFiles.breakOffNext(KEV_PATH);

    FeedOutcome kev = updater().update(IntelSource.KEV);

    assertThat(kev.status()).isEqualTo(Status.FAILED);
    assertThat(kev.detail())
        .startsWith("the download from " + url(KEV_PATH) + " broke off after ")
        .endsWith(
            "nothing from it was stored; check the network and run `sightline intel update`"
                + " again");
    assertThat(loads(IntelSource.KEV)).isZero();
    assertThat(feedState(IntelSource.KEV).etag()).as("the validators of a failed fetch").isNull();

    assertThat(updater().update(IntelSource.KEV).status()).isEqualTo(Status.FETCHED);
    assertThat(feedFiles.requests(KEV_PATH).get(1).header("If-None-Match")).isNull();
  }

  @Test
  void shouldAbandonADownloadThatStallsAndStoreNothing() {
    feedFiles.stallNext(EPSS_PATH);
    IntelUpdater impatient =
        new IntelUpdater(
            dataSource,
            feeds(Optional.empty()),
            FeedHttp.client(trustingTheFeeds()),
            TargetPolicy.fromList("127.0.0.1"),
            clock,
            sleeper,
            Duration.ofMillis(300));

    FeedOutcome epss;
    try {
      epss = impatient.update(IntelSource.EPSS);
    } finally {
      feedFiles.release();
    }

    assertThat(epss.status()).isEqualTo(Status.FAILED);
    assertThat(epss.detail())
        .startsWith("the download from " + url(EPSS_PATH) + " broke off after ")
        .contains("no data arrived for 300 ms, so the download was abandoned");
    assertThat(loads(IntelSource.EPSS)).isZero();
  }

  @Test
  void shouldFollowARedirectTheTargetPolicyAllows() {
    feedFiles.redirect("/moved.json", KEV_PATH);

    FeedOutcome kev =
        updater(
                new IntelFeeds(
                    url("/moved.json"), url(EPSS_PATH), url(FeedFiles.NVD_PATH), Optional.empty()),
                trustingTheFeeds(),
                TargetPolicy.fromList("127.0.0.1"))
            .update(IntelSource.KEV);

    assertThat(kev.status()).isEqualTo(Status.FETCHED);
    assertThat(kev.load().fileName()).isEqualTo(url(KEV_PATH).toString());
  }

  @Test
  void shouldRefuseALoopbackFeedTheOperatorDidNotAllow() {
    IntelUpdate update =
        updater(feeds(Optional.empty()), trustingTheFeeds(), TargetPolicy.fromList("")).update();

    assertThat(update.feeds()).extracting(FeedOutcome::status).containsOnly(Status.FAILED);
    assertThat(update.feeds())
        .allSatisfy(
            f ->
                assertThat(f.detail())
                    .contains("resolves to the private or loopback address 127.0.0.1")
                    .contains("SIGHTLINE_ALLOWED_TARGETS"));
    assertThat(bySource(update).get(IntelSource.EPSS).detail())
        .endsWith("(the URL comes from SIGHTLINE_INTEL_EPSS_URL or a redirect from it)");
    assertThat(feedFiles.requests()).as("nothing reached the server").isEmpty();
  }

  @Test
  void shouldNotTrustAFeedServerWhoseCaIsNotConfigured() {
    FeedOutcome kev =
        updater(
                feeds(Optional.empty()),
                TrustMaterial.jvmDefault(),
                TargetPolicy.fromList("127.0.0.1"))
            .update(IntelSource.KEV);

    assertThat(kev.status()).isEqualTo(Status.FAILED);
    assertThat(kev.detail())
        .startsWith(
            "the TLS certificate of 127.0.0.1:" + server.baseUrl().getPort() + " is not trusted")
        .contains("was issued by CN=Intel feeds Simulator CA ")
        .endsWith("add its certificate (PEM) to the file SIGHTLINE_EXTRA_CA_FILE names");
  }

  @Test
  void shouldLoadTheGzippedEpssFileAsItIsPublished() {
    FeedOutcome epss = updater().update(IntelSource.EPSS);

    assertThat(epss.load().version()).isEqualTo("v2025.03.14");
    assertThat(epss.load().sourceDate()).isEqualTo(Instant.parse("2026-01-14T00:00:00Z"));
    assertThat(epss.load().records()).isEqualTo(2);
    assertThat(new IntelLookup(dataSource).forCves(List.of("CVE-2019-0002")).get("CVE-2019-0002"))
        .extracting(CveIntel::epssScore, CveIntel::epssPercentile)
        .containsExactly(0.02, 0.6);
  }

  // --- the inventory the rescoring acts on ---------------------------------------------------

  private long loads(IntelSource source) {
    return jdbc.queryOne(
            "SELECT count(*) FROM intel_load WHERE source = ?", rs -> rs.getLong(1), source.name())
        .orElseThrow();
  }

  private FeedState feedState(IntelSource source) {
    return new FeedStates(jdbc).all().get(source);
  }

  private Integer storedQds(String cve) {
    return jdbc.queryOne(
            "SELECT qds FROM finding WHERE cve_id = ?", rs -> rs.getObject(1, Integer.class), cve)
        .orElseThrow();
  }

  private String qdsMethod(String cve) {
    return jdbc.queryOne(
            "SELECT qds_method FROM finding WHERE cve_id = ?", rs -> rs.getString(1), cve)
        .orElseThrow();
  }

  /** Two hosts, each with one finding, stored and scored as a run leaves them. */
  private void scoredInventory() {
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
            + " created_at, updated_at) VALUES (?, 'crowdstrike', 'cs', '{}', '\\x00'::bytea,"
            + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
        connector);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    UUID run = UUID.randomUUID();
    InventoryWriter writer = new InventoryWriter();
    FindingLifecycle lifecycle = new FindingLifecycle();
    jdbc.inTransaction(
        c -> {
          var assets = writer.upsertAssets(c, connector, run, List.of(host("srv"), host("ws")), at);
          new AssetCorrelator().correlate(c, assets.written(), at);
          writer.upsertFindings(
              c,
              connector,
              run,
              List.of(vuln("v1", "srv", LOG4SHELL, "HIGH"), vuln("v2", "ws", OTHER, "LOW")),
              at);
          lifecycle.closeAbsent(c, connector, at, at.plusSeconds(1));
          return lifecycle.apply(c, connector, run, at.plusSeconds(1));
        });
    refresher.drain();
    assertThat(List.of(storedQds(LOG4SHELL), storedQds(OTHER)))
        .as("the severity mapping alone: HIGH 80, LOW 40")
        .containsExactly(80, 40);
  }

  private static AssetRow host(String id) {
    return new AssetRow(
        id,
        id,
        id,
        id,
        null,
        "corp",
        "Server",
        "Windows",
        null,
        "SN-" + id,
        "Dell",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        Map.of("id", id));
  }

  private static FindingRow vuln(String id, String asset, String cve, String severity) {
    return new FindingRow(
        id,
        asset,
        cve,
        cve,
        4,
        severity,
        null,
        null,
        "open",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "Source scanner",
        SourceMeaning.COMMON.status("open").map(SourceMeaning.Status::open).orElse(true),
        Map.of("id", id, "status", "open", "sourceSeverity", severity));
  }
}
