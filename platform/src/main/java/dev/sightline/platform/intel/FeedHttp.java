package dev.sightline.platform.intel;

import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.connector.http.ProxyFailureException;
import dev.sightline.platform.net.TargetPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * GETs a feed over HTTPS: every URL, redirects included, passes the outbound target policy first;
 * busy answers (429, 5xx) and dropped connections are tried again after the server's Retry-After or
 * a short backoff; an answer other than 200 or 304, or a failure no retry fixes, becomes a {@link
 * FeedFailure} saying why and what to change. Thread-safe.
 */
final class FeedHttp {
  static final int MAX_ATTEMPTS = 3;
  private static final int MAX_REDIRECTS = 5;
  // Until the answer's headers arrive; the body is then streamed for as long as it takes.
  private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  private static final Set<Integer> BUSY = Set.of(429, 500, 502, 503, 504);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final TargetPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  FeedHttp(HttpClient client, TargetPolicy policy, Clock clock, Sleeper sleeper) {
    this.client = client;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * The client feeds use in production: the given TLS trust (the connectors' own), a connect
   * timeout, HTTP/1.1, and redirects left to {@link FeedHttp} so each hop passes the target policy.
   */
  static HttpClient client(SSLContext tls) {
    return client(tls, OutboundProxy.NONE);
  }

  /** The same client, its requests through the operator's outbound proxy when one is set. */
  static HttpClient client(SSLContext tls, OutboundProxy proxy) {
    return proxy.build(
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1));
  }

  /** Runs before every request attempt, e.g. to keep under a rate limit. */
  @FunctionalInterface
  interface Pacing {
    Pacing NONE = () -> {};

    void awaitTurn() throws InterruptedException;
  }

  /** A 200 or 304 answer, its body still to be read. */
  record Answer(URI url, int status, HttpHeaders headers, InputStream body)
      implements AutoCloseable {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        // closing only releases the connection; what was read is what counts
      }
    }
  }

  /**
   * GETs {@code url} with the given headers.
   *
   * @param setting the setting that names the URL, for the fix in a failure's message
   * @param pacing waited on before every attempt
   * @throws FeedFailure when no 200 or 304 answer came; nothing was read
   */
  Answer get(
      IntelSource source, URI url, Map<String, String> headers, String setting, Pacing pacing)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      pacing.awaitTurn();
      HttpResponse<InputStream> response;
      try {
        response = follow(url, headers, setting);
      } catch (IOException e) {
        if (NetworkFailures.isPermanent(e) || attempt == MAX_ATTEMPTS) {
          throw networkFailure(url, e, setting, attempt);
        }
        sleeper.sleep(backoff(attempt));
        continue;
      }
      int status = response.statusCode();
      if (status == 200 || status == 304) {
        return new Answer(response.uri(), status, response.headers(), response.body());
      }
      String detail = detail(response);
      if (BUSY.contains(status) && attempt < MAX_ATTEMPTS) {
        sleeper.sleep(retryAfter(response.headers()).orElse(backoff(attempt)));
        continue;
      }
      throw statusFailure(source, response.uri(), status, detail, setting, attempt);
    }
  }

  private HttpResponse<InputStream> follow(URI url, Map<String, String> headers, String setting)
      throws IOException, InterruptedException {
    URI next = url;
    for (int hop = 0; ; hop++) {
      checkTarget(next, setting);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(next)
              .GET()
              .timeout(HEADERS_TIMEOUT)
              .header("User-Agent", "Sightline intel-update");
      headers.forEach(request::header);
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      Optional<String> location = response.headers().firstValue("Location");
      if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      response.body().close();
      if (hop == MAX_REDIRECTS) {
        throw new FeedFailure(
            "more than "
                + MAX_REDIRECTS
                + " redirects from "
                + Urls.safe(url)
                + ": set "
                + setting
                + " to the file's final URL");
      }
      next = next.resolve(location.get());
    }
  }

  private void checkTarget(URI url, String setting) {
    try {
      policy.check(url);
    } catch (TargetPolicy.TargetRefusedException e) {
      throw new FeedFailure(
          e.getMessage() + " (the URL comes from " + setting + " or a redirect from it)");
    }
  }

  private static FeedFailure networkFailure(URI url, IOException e, String setting, int attempts) {
    String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    String why = NetworkFailures.shorten(NetworkFailures.describe(e));
    Optional<ProxyFailureException> atProxy = NetworkFailures.proxyFailure(e);
    if (atProxy.isPresent()) {
      return new FeedFailure(
          "cannot reach "
              + host
              + " through the proxy: "
              + atProxy.get().getMessage()
              + "; "
              + atProxy.get().fix(),
          e);
    }
    if (NetworkFailures.cannotResolve(e)) {
      return new FeedFailure(
          "cannot resolve the host "
              + url.getHost()
              + " ("
              + why
              + "): check "
              + setting
              + " and the DNS; an offline install can point "
              + setting
              + " at a mirror, or import downloaded files with `sightline intel import`",
          e);
    }
    if (NetworkFailures.cannotConnect(e)) {
      return new FeedFailure(
          "cannot connect to "
              + host
              + " ("
              + why
              + "): check the network and any firewall, or point "
              + setting
              + " at a reachable mirror",
          e);
    }
    if (NetworkFailures.isTlsFailure(e)) {
      return new FeedFailure(
          "the TLS certificate of "
              + host
              + " is not trusted ("
              + why
              + "): if a mirror or a TLS-inspecting proxy uses a private CA, add its certificate"
              + " (PEM) to the file SIGHTLINE_EXTRA_CA_FILE names",
          e);
    }
    return new FeedFailure(
        "the connection to "
            + host
            + " failed"
            + (attempts > 1 ? " " + attempts + " times" : "")
            + " ("
            + why
            + "): check the network and run `sightline intel update` again",
        e);
  }

  private static FeedFailure statusFailure(
      IntelSource source, URI url, int status, String detail, String setting, int attempts) {
    String answered =
        Urls.safe(url) + " answered HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
    if (BUSY.contains(status)) {
      return new FeedFailure(
          answered
              + " "
              + attempts
              + " times: the service is busy or down; run `sightline intel update` again later");
    }
    if (source == IntelSource.NVD && (status == 403 || status == 401)) {
      return new FeedFailure(
          answered
              + ": NVD refuses requests beyond its rate limit (5 in 30 s without an API key, 50"
              + " with one) and requests with a key it does not accept; check "
              + IntelFeeds.NVD_API_KEY_SETTING
              + " (or unset it), wait a minute and run `sightline intel update` again");
    }
    if (status == 404 || status == 410) {
      return new FeedFailure(
          answered
              + ": there is no feed at that URL; check "
              + setting
              + " (unset it to use the"
              + " publisher's URL)");
    }
    return new FeedFailure(
        answered + ": check " + setting + " and that it points at the feed itself");
  }

  /**
   * What the server said about a failure: NVD puts it in a {@code message} header, others in a
   * short body. Control characters are dropped; the text is cut short.
   */
  private static String detail(HttpResponse<InputStream> response) {
    String text = response.headers().firstValue("message").orElse("");
    try (InputStream body = response.body()) {
      if (text.isEmpty()) {
        text = new String(body.readNBytes(400), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // the status says enough; the body was only a courtesy
    }
    return NetworkFailures.shorten(text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim());
  }

  private Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value.get()));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(2L << (attempt - 1));
  }
}
