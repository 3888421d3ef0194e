package dev.sightline.server.cli;

import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.platform.net.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Sightline server as {@code sightline query} reaches it: the URL in {@code
 * SIGHTLINE_URL}, the bearer token in {@code SIGHTLINE_TOKEN}, extra CAs for https in {@code
 * SIGHTLINE_EXTRA_CA_FILE}. Every failure becomes a {@link QueryFailure} in plain words; the token
 * only ever travels in the Authorization header and is cut out of anything printed.
 */
final class QueryServer {
  static final String DEFAULT_URL = "http://localhost:8080";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  // A page is bounded by the server's statement timeout; this only keeps a dead peer from hanging.
  private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(5);
  private static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final URI base;
  private final String shownUrl;
  private final String token;
  private final HttpClient http;
  private final JsonMapper json;

  private QueryServer(URI base, String token, HttpClient http, JsonMapper json) {
    this.base = base;
    this.shownUrl = withoutUserInfo(base);
    this.token = token;
    this.http = http;
    this.json = json;
  }

  static QueryServer fromEnvironment(Map<String, String> env, JsonMapper json) throws QueryFailure {
    String token = value(env, "SIGHTLINE_TOKEN").orElse(null);
    if (token == null) {
      throw new QueryFailure(
          QueryFailure.AUTH,
          "SIGHTLINE_TOKEN is not set: set it to an API token of this server (create one with"
              + " POST /api/v1/tokens, or use SIGHTLINE_ADMIN_TOKEN's value)");
    }
    if (token.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new QueryFailure(
          QueryFailure.AUTH,
          "SIGHTLINE_TOKEN holds a space, line break or control character: set it to the token"
              + " alone");
    }
    URI base = baseUrl(value(env, "SIGHTLINE_URL").orElse(DEFAULT_URL));
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    Optional<String> caFile = value(env, "SIGHTLINE_EXTRA_CA_FILE");
    if (base.getScheme().equals("https") && caFile.isPresent()) {
      String pem;
      try {
        pem = Files.readString(Path.of(caFile.get()), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new QueryFailure(
            QueryFailure.OTHER,
            "SIGHTLINE_EXTRA_CA_FILE names "
                + caFile.get()
                + ", which cannot be read: fix the path or unset the variable");
      }
      try {
        client.sslContext(TrustMaterial.jvmDefaultPlus(pem));
      } catch (RuntimeException e) {
        throw new QueryFailure(
            QueryFailure.OTHER,
            "SIGHTLINE_EXTRA_CA_FILE ("
                + caFile.get()
                + ") holds no usable PEM certificate: "
                + e.getMessage());
      }
    }
    if (base.getScheme().equals("https") && caFile.isEmpty()) {
      // The JVM's CAs, through the same trust as with extra CAs: an untrusted certificate is
      // reported naming its issuer.
      client.sslContext(TrustMaterial.jvmDefault());
    }
    return new QueryServer(base, token, client.build(), json);
  }

  private static URI baseUrl(String text) throws QueryFailure {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null ? null : uri.getScheme();
    if (uri == null
        || uri.getHost() == null
        || scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new QueryFailure(
          QueryFailure.NETWORK,
          "SIGHTLINE_URL is not an http(s) URL of the server (e.g. "
              + DEFAULT_URL
              + "): fix it or unset it for the default");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme.toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path + "/");
  }

  /** The URL as it may be printed: without any user name or password it held. */
  String url() {
    return shownUrl;
  }

  /** A JSON answer (a listing page). */
  JsonNode getJson(String pathAndQuery) throws QueryFailure {
    try (InputStream body = get(pathAndQuery, true)) {
      return json.readTree(body);
    } catch (IOException e) {
      throw network(e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new QueryFailure(
          QueryFailure.OTHER,
          "the server at " + shownUrl + " answered something that is not JSON: is it Sightline?");
    }
  }

  /**
   * The body of a successful answer as it arrives (an export: no timeout once it has started); the
   * caller closes it.
   */
  InputStream stream(String pathAndQuery) throws QueryFailure {
    return get(pathAndQuery, false);
  }

  private InputStream get(String pathAndQuery, boolean timed) throws QueryFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "*/*")
            .GET();
    if (timed) {
      request.timeout(PAGE_TIMEOUT);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw network(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryFailure(QueryFailure.OTHER, "interrupted");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    String explained;
    try (InputStream body = response.body()) {
      explained = ProblemDetails.explain(json, body.readNBytes(ERROR_BODY_LIMIT));
    } catch (IOException e) {
      explained = "";
    }
    throw refusal(status, redact(explained));
  }

  private QueryFailure refusal(int status, String explained) {
    String said = explained.isBlank() ? "" : ": " + explained;
    return switch (status) {
      case 400 -> new QueryFailure(QueryFailure.BAD_QUERY, "the server refused the request" + said);
      case 401 ->
          new QueryFailure(
              QueryFailure.AUTH,
              "the server at "
                  + shownUrl
                  + " did not accept the token (HTTP 401"
                  + said
                  + "). Check SIGHTLINE_TOKEN: it must hold a current API token of this server.");
      case 403 ->
          new QueryFailure(
              QueryFailure.AUTH,
              "the token may not read this (HTTP 403"
                  + said
                  + "). Check SIGHTLINE_TOKEN: it must belong to a user whose role may read"
                  + " assets and findings.");
      default ->
          new QueryFailure(
              QueryFailure.OTHER,
              "the server at "
                  + shownUrl
                  + " answered HTTP "
                  + status
                  + (status == 404 ? " (is it a Sightline server of this version?)" : "")
                  + said);
    };
  }

  /** A failure to reach the server or to read its answer, naming the URL and what to check. */
  QueryFailure network(IOException e) {
    String cause = redact(describe(e));
    if (hasCause(e, java.nio.channels.UnresolvedAddressException.class)) {
      return new QueryFailure(
          QueryFailure.NETWORK,
          "cannot reach the server at "
              + shownUrl
              + ": its host name is unknown. Check the host in SIGHTLINE_URL (and the DNS)");
    }
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
      return new QueryFailure(
          QueryFailure.NETWORK,
          "cannot reach the server at "
              + shownUrl
              + " ("
              + cause
              + "): check that it is running and that SIGHTLINE_URL names it (host and port)");
    }
    if (e instanceof HttpTimeoutException) {
      return new QueryFailure(
          QueryFailure.NETWORK,
          "the server at "
              + shownUrl
              + " did not answer in time: check that it is running and not overloaded");
    }
    var untrusted = NetworkFailures.untrustedCertificate(e);
    if (untrusted.isPresent()) {
      return new QueryFailure(
          QueryFailure.NETWORK,
          "TLS with "
              + shownUrl
              + " failed: "
              + untrusted.get().getMessage()
              + ": if "
              + untrusted.get().root()
              + " is your company's or the server's CA, put its certificate (PEM) in"
              + " SIGHTLINE_EXTRA_CA_FILE");
    }
    if (hasCause(e, SSLException.class)) {
      return new QueryFailure(
          QueryFailure.NETWORK,
          "TLS with "
              + shownUrl
              + " failed ("
              + cause
              + "): if the server's certificate comes from a private CA, put that CA (PEM) in"
              + " SIGHTLINE_EXTRA_CA_FILE; check too that SIGHTLINE_URL's scheme (http/https) is"
              + " right");
    }
    return new QueryFailure(
        QueryFailure.NETWORK,
        "the connection to "
            + shownUrl
            + " failed ("
            + cause
            + "): check that the server is running and SIGHTLINE_URL is right");
  }

  /** Cuts the token out of a text about to be printed, whatever put it there. */
  String redact(String text) {
    return redact(text, token);
  }

  /**
   * {@code text} without {@code token}. A token too short to be one of the server's (they are long
   * random strings) is left alone: cutting a letter or two out of every message would only garble
   * it, and such a value gives nothing away.
   */
  static String redact(String text, String token) {
    String safe = text == null ? "" : text;
    String secret = token == null ? "" : token.trim();
    return secret.length() < 8 ? safe : safe.replace(secret, "[SIGHTLINE_TOKEN]");
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    if (hasCause(e, java.nio.channels.UnresolvedAddressException.class)) {
      return "unknown host name";
    }
    if (e instanceof ConnectException && e.getMessage() == null) {
      // The JDK client says nothing more for a port where nothing listens.
      return "connection refused";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String name = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }

  private static String withoutUserInfo(URI uri) {
    String shown =
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath();
    return path == null || path.equals("/") ? shown : shown + path.replaceAll("/+$", "");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
