package dev.sightline.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a browser does in a sign-in, and no more: keeps cookies across hosts, and follows redirects
 * one hop at a time itself (the client never does), so a test sees every hop of a flow such as app
 * → OIDC provider → app. Requests carry no bearer token: whatever the app decides comes from the
 * cookies it set.
 *
 * <p>Unlike a browser it ignores {@code SameSite}, sends no {@code Origin}/{@code Referer} unless
 * told, and runs no script. Not thread-safe; one per simulated user.
 */
final class BrowserSession {
  static final int DEFAULT_MAX_HOPS = 10;

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  BrowserSession() {
    this(Optional.empty());
  }

  /** A browser that trusts only what the given context trusts for HTTPS. */
  BrowserSession(SSLContext tls) {
    this(Optional.of(tls));
  }

  private BrowserSession(Optional<SSLContext> tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10));
    tls.ifPresent(builder::sslContext);
    http = builder.build();
  }

  /** One GET, redirects not followed. */
  HttpResponse<String> get(URI uri) {
    return get(uri, Map.of());
  }

  HttpResponse<String> get(URI uri, Map<String, String> headers) {
    return send(request(uri, headers).GET());
  }

  /** One POST of a JSON body, redirects not followed. */
  HttpResponse<String> postJson(URI uri, String json, Map<String, String> headers) {
    return send(
        request(uri, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** One POST of an HTML form ({@code application/x-www-form-urlencoded}), e.g. sign-out. */
  HttpResponse<String> postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(uri, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** GETs the URI and follows up to {@value #DEFAULT_MAX_HOPS} redirects; see {@link Walk}. */
  Walk followFrom(URI uri) {
    return followFrom(uri, DEFAULT_MAX_HOPS);
  }

  /**
   * GETs the URI, then each {@code Location} of a 3xx answer (relative ones resolved against the
   * hop's URI, any host), until an answer that is not a redirect. Fails past {@code maxHops}
   * redirects, which is a redirect loop in a sign-in.
   */
  Walk followFrom(URI uri, int maxHops) {
    List<Hop> hops = new ArrayList<>();
    URI next = uri;
    while (true) {
      HttpResponse<String> response = get(next);
      Optional<URI> location = redirectTarget(next, response);
      hops.add(new Hop(next, response.statusCode(), location));
      if (location.isEmpty()) {
        return new Walk(List.copyOf(hops), response);
      }
      if (hops.size() > maxHops) {
        throw new AssertionError("more than " + maxHops + " redirects: " + hops);
      }
      next = location.get();
    }
  }

  /** The cookie this session would send to the URI, e.g. {@code XSRF-TOKEN} for CSRF headers. */
  Optional<String> cookie(URI uri, String name) {
    return cookies.getCookieStore().get(uri).stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Every cookie held, for assertions on what a sign-in or sign-out left behind. */
  List<HttpCookie> cookies() {
    return List.copyOf(cookies.getCookieStore().getCookies());
  }

  private static Optional<URI> redirectTarget(URI from, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status < 300 || status > 399 || status == 304) {
      return Optional.empty();
    }
    return response.headers().firstValue("Location").map(from::resolve);
  }

  private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    headers.forEach(builder::header);
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** One request of a walk: where it went, what it answered, where it pointed next. */
  record Hop(URI uri, int status, Optional<URI> location) {
    @Override
    public String toString() {
      return status + " " + uri + location.map(l -> " -> " + l).orElse("");
    }
  }

  /** A walk of redirects: every hop in order and the answer that ended it. */
  record Walk(List<Hop> hops, HttpResponse<String> last) {
    int status() {
      return last.statusCode();
    }

    String body() {
      return last.body();
    }

    URI finalUri() {
      return hops.get(hops.size() - 1).uri();
    }

    /** The hop that went to a URI starting with the prefix (host and path), if any. */
    Optional<Hop> hopTo(String uriPrefix) {
      return hops.stream().filter(h -> h.uri().toString().startsWith(uriPrefix)).findFirst();
    }
  }
}
