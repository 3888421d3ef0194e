package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.ApiError;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.QueryPage;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP and paging against the Falcon API: one combined-query page per call, with a bearer token
 * (refreshed once on 401), retries (through {@link CrowdStrikeRetryPolicy}) and the vendor's
 * answers turned into data or classified failures. Keeps no paging state of its own.
 */
final class CrowdStrikeClient {

  private static final String USER_AGENT = "sightline-crowdstrike-connector/1";

  private final CrowdStrikeConfig config;
  private final CrowdStrikeTransport transport;
  private final CrowdStrikeRetryPolicy retry;
  private final CrowdStrikeTokenProvider tokens;
  private final CrowdStrikeFailures failures;
  private final CrowdStrikeTuning tuning;

  CrowdStrikeClient(
      CrowdStrikeConfig config,
      CrowdStrikeTransport transport,
      CrowdStrikeRetryPolicy retry,
      CrowdStrikeTokenProvider tokens,
      CrowdStrikeTuning tuning) {
    this.config = config;
    this.transport = transport;
    this.retry = retry;
    this.tokens = tokens;
    this.failures = new CrowdStrikeFailures(config);
    this.tuning = tuning;
  }

  /** One page request of a combined endpoint; {@code after} is "" on a query's first page. */
  record Query(String filter, String sort, int limit, String after) {
    Query {
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(sort, "sort");
      Objects.requireNonNull(after, "after");
    }
  }

  /** Thrown when the vendor's {@code after} cursor has expired (404 "Search context expired"). */
  static final class SearchContextExpiredException extends RuntimeException {
    SearchContextExpiredException(String traceId) {
      super("CrowdStrike's search context expired; trace id " + traceId, null, false, false);
    }
  }

  /** One page of {@code stream}. */
  QueryPage query(CrowdStrikeStream stream, Query query) throws InterruptedException {
    String what = stream.path();
    RawResponse response = authorized(what, stream.path(), queryString(stream, query));
    if (response.status() == 404 && searchContextExpired(response)) {
      throw new SearchContextExpiredException(response.traceId());
    }
    if (response.status() == 403) {
      throw failures.missingScope(stream.path(), stream.scope(), response);
    }
    if (response.status() >= 300 && response.status() < 400) {
      throw failures.redirected(response);
    }
    if (!response.ok()) {
      throw failures.unexpected(what, response);
    }
    JsonNode body =
        CrowdStrikeWire.tree(response).orElseThrow(() -> failures.unexpected(what, response));
    if (!CrowdStrikeWire.errors(body).isEmpty()) {
      throw failures.vendorErrors(what, response);
    }
    return CrowdStrikeWire.queryPage(body).orElseThrow(() -> failures.unexpected(what, response));
  }

  /** Sends a GET with a bearer token; a 401 gets one fresh token and one more try. */
  private RawResponse authorized(String what, String path, String encodedQuery)
      throws InterruptedException {
    RawResponse response = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      String token = tokens.token();
      HttpRequest request =
          HttpRequest.newBuilder(config.resolve(path, encodedQuery))
              .timeout(tuning.requestTimeout())
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .header("User-Agent", USER_AGENT)
              .GET()
              .build();
      response = exchange(what, request);
      if (response.status() != 401) {
        return response;
      }
      tokens.invalidate(token);
    }
    throw failures.tokenRejectedTwice(response);
  }

  private RawResponse exchange(String what, HttpRequest request) throws InterruptedException {
    try {
      return retry.execute(what, () -> transport.send(request));
    } catch (IOException e) {
      throw failures.unreachable(e, retry.maxAttempts());
    }
  }

  private static boolean searchContextExpired(RawResponse response) {
    return CrowdStrikeWire.tree(response).stream()
        .flatMap(body -> CrowdStrikeWire.errors(body).stream())
        .map(ApiError::message)
        .anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("search context expired"));
  }

  static String queryString(CrowdStrikeStream stream, Query query) {
    List<String> params = new ArrayList<>();
    params.add(param("filter", query.filter()));
    params.add(param("sort", query.sort()));
    params.add(param("limit", Integer.toString(query.limit())));
    if (!query.after().isEmpty()) {
      params.add(param("after", query.after()));
    }
    for (String facet : stream.facets()) {
      params.add(param("facet", facet));
    }
    return String.join("&", params);
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
