package dev.sightline.platform.intel;

import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.FeedHttp.Answer;
import dev.sightline.platform.intel.FeedStates.FeedState;
import dev.sightline.platform.net.TargetPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the CVE intelligence up to date from the public feeds: the CISA KEV catalog and the FIRST
 * EPSS scores as whole files, asked for conditionally (an unchanged file answers 304 and adds
 * nothing), and the NVD CVE API's changes since the last update, page by page under NVD's rate
 * limit. Each feed that brings content becomes one versioned load in one transaction, which also
 * queues for rescoring the assets whose findings' intelligence changed (as {@code intel import}
 * does); a feed that fails stores nothing and the others still update. Bodies are streamed into the
 * importer, never held whole.
 *
 * <p>Thread-safe. Two updates of one feed (two nodes, or the command beside the server) do not
 * overlap: each fetch holds its feed's row lock.
 */
public final class IntelUpdater {
  private static final Logger LOG = LoggerFactory.getLogger(IntelUpdater.class);
  // A feed that sends nothing for this long is abandoned (java.net.http has no read timeout).
  private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

  private final Jdbc jdbc;
  private final IntelImporter importer;
  private final FeedStates states;
  private final IntelFeeds feeds;
  private final FeedHttp http;
  private final RequestPacer nvdPacer;
  private final Clock clock;
  private final Duration stallLimit;

  /**
   * @param tls the trust outbound calls use (the connectors' own: the JVM's CAs plus {@code
   *     SIGHTLINE_EXTRA_CA_FILE})
   * @param policy the outbound target policy every feed URL and redirect must pass
   * @param sleeper how to wait between NVD requests and before retries
   */
  public IntelUpdater(
      DataSource dataSource,
      IntelFeeds feeds,
      SSLContext tls,
      TargetPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this(dataSource, feeds, tls, OutboundProxy.NONE, policy, clock, sleeper);
  }

  /**
   * @param proxy the operator's outbound proxy, which feed requests go through (the target policy
   *     still checks every feed URL, never the proxy)
   */
  public IntelUpdater(
      DataSource dataSource,
      IntelFeeds feeds,
      SSLContext tls,
      OutboundProxy proxy,
      TargetPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this(dataSource, feeds, FeedHttp.client(tls, proxy), policy, clock, sleeper, STALL_LIMIT);
  }

  IntelUpdater(
      DataSource dataSource,
      IntelFeeds feeds,
      HttpClient client,
      TargetPolicy policy,
      Clock clock,
      Sleeper sleeper,
      Duration stallLimit) {
    this.jdbc = new Jdbc(dataSource);
    this.importer = new IntelImporter(dataSource, clock);
    this.states = new FeedStates(jdbc);
    this.feeds = feeds;
    this.http = new FeedHttp(client, policy, clock, sleeper);
    this.nvdPacer = RequestPacer.forNvd(feeds.nvdApiKey().isPresent(), clock, sleeper);
    this.clock = clock;
    this.stallLimit = stallLimit;
  }

  /** Updates KEV, EPSS and NVD in turn; one failing does not stop the others. */
  public IntelUpdate update() {
    List<FeedOutcome> outcomes = new ArrayList<>();
    for (IntelSource source : IntelSource.values()) {
      FeedOutcome outcome = update(source);
      LOG.info("Intelligence update: {}", outcome.line());
      outcomes.add(outcome);
    }
    return new IntelUpdate(outcomes);
  }

  /** Updates one feed. */
  public FeedOutcome update(IntelSource source) {
    URI url = feeds.url(source);
    String shown = Urls.safe(url);
    if (Thread.currentThread().isInterrupted()) {
      return failed(source, shown, "not fetched: the update was interrupted; run it again");
    }
    try {
      return jdbc.inTransaction(c -> source == IntelSource.NVD ? nvd(c, url) : whole(c, source));
    } catch (FeedFailure | IntelFileException e) {
      return failed(source, shown, e.getMessage());
    } catch (Interrupted e) {
      Thread.currentThread().interrupt();
      return failed(source, shown, "interrupted (the server is stopping?): nothing was stored");
    } catch (Jdbc.DataAccessException e) {
      return failed(
          source,
          shown,
          "the database failed ("
              + e.getMessage()
              + "): nothing from this fetch was stored; run `sightline intel update` again");
    }
  }

  /** KEV or EPSS: the whole file, unless it is unchanged since the validators we keep. */
  private FeedOutcome whole(Connection c, IntelSource source) throws SQLException {
    URI url = feeds.url(source);
    String setting = IntelFeeds.urlSetting(source);
    FeedState state = FeedStates.lock(c, source);
    Map<String, String> conditions = state.conditionalHeaders(url);
    try (Answer answer = get(source, url, conditions, FeedHttp.Pacing.NONE)) {
      if (answer.status() == 304) {
        if (conditions.isEmpty()) {
          throw unexpected304(url, setting);
        }
        FeedStates.unchanged(c, source, clock.instant());
        return FeedOutcome.unchanged(source, Urls.safe(url));
      }
      DownloadStream body = DownloadStream.watched(answer.body(), stallLimit);
      IntelLoad load;
      try {
        load = importer.importWithin(c, source, Urls.safe(answer.url()), body);
      } catch (IntelFileException e) {
        throw downloadFailure(e, body, url, setting);
      }
      FeedStates.fetched(
          c,
          source,
          url,
          answer.header("ETag").orElse(null),
          answer.header("Last-Modified").orElse(null),
          load.id(),
          null,
          clock.instant());
      return FeedOutcome.fetched(source, Urls.safe(url), load, "");
    }
  }

  /** NVD: every page of the changes since the last update, as one load. */
  private FeedOutcome nvd(Connection c, URI url) throws SQLException {
    FeedState state = FeedStates.lock(c, IntelSource.NVD);
    NvdWindow window = NvdWindow.after(state.nvdEnd(), clock.instant());
    LoadSession load =
        importer.begin(
            c,
            IntelSource.NVD,
            Urls.safe(url)
                + "?lastModStartDate="
                + window.start()
                + "&lastModEndDate="
                + window.end());
    Map<String, String> key = feeds.nvdApiKey().map(k -> Map.of("apiKey", k)).orElse(Map.of());
    int pages = 0;
    for (NvdWindow query : window.queries()) {
      long startIndex = 0;
      long total;
      do {
        LoadSession.Piece piece;
        try (Answer answer = get(IntelSource.NVD, query.page(url, startIndex), key, nvdPacer)) {
          if (answer.status() != 200) {
            throw unexpected304(url, IntelFeeds.NVD_URL_SETTING);
          }
          DownloadStream body = DownloadStream.watched(answer.body(), stallLimit);
          try {
            piece = load.add(body);
          } catch (IntelFileException e) {
            throw downloadFailure(e, body, url, IntelFeeds.NVD_URL_SETTING);
          }
        }
        pages++;
        total = piece.totalResults().orElse(startIndex + piece.records());
        // a page with nothing on it ends the query even if the total promised more
        startIndex += piece.records();
        if (piece.records() == 0) {
          break;
        }
      } while (startIndex < total);
    }
    IntelLoad loaded = load.finish();
    FeedStates.fetched(
        c, IntelSource.NVD, url, null, null, loaded.id(), window.end(), clock.instant());
    return FeedOutcome.fetched(
        IntelSource.NVD,
        Urls.safe(url),
        loaded,
        window.describe()
            + " in "
            + pages
            + (pages == 1 ? " page" : " pages")
            + (window.first()
                ? "; the first update reads the last "
                    + NvdWindow.FIRST_SPAN.toDays()
                    + " days only, older changes come from NVD files through `sightline intel"
                    + " import`"
                : ""));
  }

  private Answer get(
      IntelSource source, URI url, Map<String, String> headers, FeedHttp.Pacing pacing) {
    try {
      return http.get(source, url, headers, IntelFeeds.urlSetting(source), pacing);
    } catch (InterruptedException e) {
      throw new Interrupted();
    }
  }

  private static FeedFailure unexpected304(URI url, String setting) {
    return new FeedFailure(
        Urls.safe(url)
            + " answered 304 Not Modified to a request that asked for no condition: check that "
            + setting
            + " points at the feed itself");
  }

  /** A body that broke off is a network failure, not a damaged file: say which it was. */
  private static FeedFailure downloadFailure(
      IntelFileException e, DownloadStream body, URI url, String setting) {
    Optional<IOException> broke = body.failure();
    if (broke.isPresent()) {
      return new FeedFailure(
          "the download from "
              + Urls.safe(url)
              + " broke off after "
              + body.bytes()
              + " bytes ("
              + NetworkFailures.shorten(NetworkFailures.describe(broke.get()))
              + "): nothing from it was stored; check the network and run `sightline intel"
              + " update` again",
          e);
    }
    return new FeedFailure(
        e.getMessage()
            + " (downloaded from "
            + setting
            + "; if that is a mirror, check that it serves the publisher's file unchanged)",
        e);
  }

  private FeedOutcome failed(IntelSource source, String url, String why) {
    try {
      states.failed(source, why, clock.instant());
    } catch (Jdbc.DataAccessException e) {
      // the failure is reported to the caller whether or not it could also be remembered
      LOG.warn("Could not record the failed {} update: {}", source, e.getMessage());
    }
    return FeedOutcome.failed(source, url, why);
  }

  /** Carries an interruption out of a transaction, which then rolls back. */
  private static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted", null, false, false);
    }
  }
}
