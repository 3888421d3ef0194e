package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.cortex.CortexXdrTransport.StreamedResponse;
import dev.sightline.connector.cortex.CortexXdrWire.EndpointPage;
import dev.sightline.connector.cortex.CortexXdrWire.QueryResults;
import dev.sightline.connector.cortex.CortexXdrWire.Quota;
import dev.sightline.connector.http.RetryLoop;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.Collection;

/**
 * HTTP against the Cortex XDR public API: every call is a signed JSON POST, retried through {@link
 * CortexXdrRetryPolicy}, and the vendor's answers are turned into data or classified failures.
 * Keeps no paging or query state of its own.
 */
final class CortexXdrClient {

  /** {@code get_endpoint} answers at most this many endpoints per call. */
  static final int MAX_ENDPOINTS_PER_CALL = 100;

  /** {@code get_query_results} returns at most this many rows inline. */
  static final int MAX_INLINE_ROWS = 1000;

  private static final String USER_AGENT = "sightline-cortex-xdr-connector/1";
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final CortexXdrConfig config;
  private final CortexXdrTransport transport;
  private final CortexXdrRetryPolicy retry;
  private final CortexXdrApiKeySigner signer;
  private final CortexXdrFailures failures;
  private final CortexXdrTuning tuning;

  CortexXdrClient(
      CortexXdrConfig config,
      CortexXdrTransport transport,
      CortexXdrRetryPolicy retry,
      CortexXdrApiKeySigner signer,
      CortexXdrFailures failures,
      CortexXdrTuning tuning) {
    this.config = config;
    this.transport = transport;
    this.retry = retry;
    this.signer = signer;
    this.failures = failures;
    this.tuning = tuning;
  }

  /**
   * One {@code get_endpoint} page, sorted by {@code endpoint_id} ascending.
   *
   * @param filters {@code request_data.filters} (AND-ed)
   * @param from zero-based offset, {@code search_from}
   * @param size at most {@link #MAX_ENDPOINTS_PER_CALL}
   */
  EndpointPage endpoints(ArrayNode filters, long from, int size) throws InterruptedException {
    return endpoints(filters, from, size, "endpoint_id", "asc");
  }

  /**
   * One {@code get_endpoint} page in another order: {@code sortField} is {@code endpoint_id},
   * {@code first_seen} or {@code last_seen}, {@code keyword} {@code asc} or {@code desc}.
   */
  EndpointPage endpoints(ArrayNode filters, long from, int size, String sortField, String keyword)
      throws InterruptedException {
    ObjectNode data = CortexXdrWire.JSON.createObjectNode();
    data.set("filters", filters);
    data.put("search_from", from);
    data.put("search_to", from + Math.min(size, MAX_ENDPOINTS_PER_CALL));
    data.putObject("sort").put("field", sortField).put("keyword", keyword);
    JsonNode body = call(CortexXdrCall.GET_ENDPOINT, data);
    return CortexXdrWire.endpointPage(body)
        .orElseThrow(() -> unexpectedBody(CortexXdrCall.GET_ENDPOINT));
  }

  /** {@code get_endpoint} for one endpoint, answered as is (after retries), for Test Connection. */
  RawResponse probe() throws InterruptedException {
    ObjectNode data =
        CortexXdrWire.JSON.createObjectNode().put("search_from", 0).put("search_to", 1);
    return exchange(
        CortexXdrCall.GET_ENDPOINT,
        () -> transport.send(request(CortexXdrCall.GET_ENDPOINT, data)));
  }

  /** The endpoints with the given ids (at most {@link #MAX_ENDPOINTS_PER_CALL}). */
  EndpointPage endpointsById(Collection<String> ids) throws InterruptedException {
    return endpointsById(ids, 0);
  }

  /**
   * The endpoints with the given ids (at most {@link #MAX_ENDPOINTS_PER_CALL}) last seen at or
   * after {@code lastSeenFrom} (epoch ms; 0 for any time).
   */
  EndpointPage endpointsById(Collection<String> ids, long lastSeenFrom)
      throws InterruptedException {
    if (ids.size() > MAX_ENDPOINTS_PER_CALL) {
      throw new IllegalArgumentException("at most " + MAX_ENDPOINTS_PER_CALL + " ids per call");
    }
    ArrayNode filters = lastSeenAtOrAfter(lastSeenFrom);
    ObjectNode filter = filters.addObject().put("field", "endpoint_id_list").put("operator", "in");
    ids.forEach(filter.putArray("value")::add);
    return endpoints(filters, 0, MAX_ENDPOINTS_PER_CALL);
  }

  /**
   * The {@code get_endpoint} filter list of endpoints last seen at or after {@code from} (epoch
   * ms), empty for 0: the documented {@code last_seen} filter takes {@code gte} with epoch ms.
   */
  static ArrayNode lastSeenAtOrAfter(long from) {
    ArrayNode filters = CortexXdrWire.JSON.createArrayNode();
    if (from > 0) {
      filters.addObject().put("field", "last_seen").put("operator", "gte").put("value", from);
    }
    return filters;
  }

  Quota quota() throws InterruptedException {
    JsonNode body = call(CortexXdrCall.GET_QUOTA, CortexXdrWire.JSON.createObjectNode());
    return CortexXdrWire.quota(body).orElseThrow(() -> unexpectedBody(CortexXdrCall.GET_QUOTA));
  }

  /** Starts an XQL query over the last {@link CortexXdrTuning#xqlTimeframe()}; returns its id. */
  String startQuery(String query) throws InterruptedException {
    ObjectNode data = CortexXdrWire.JSON.createObjectNode().put("query", query);
    data.putArray("tenants");
    data.putObject("timeframe").put("relativeTime", tuning.xqlTimeframe().toMillis());
    JsonNode body = call(CortexXdrCall.START_XQL_QUERY, data);
    return CortexXdrWire.queryId(body)
        .orElseThrow(() -> unexpectedBody(CortexXdrCall.START_XQL_QUERY));
  }

  /** One poll of a query's state; SUCCESS carries inline rows or a stream id. */
  QueryResults results(String queryId) throws InterruptedException {
    ObjectNode data =
        CortexXdrWire.JSON
            .createObjectNode()
            .put("query_id", queryId)
            .put("pending_flag", true)
            .put("limit", MAX_INLINE_ROWS)
            .put("format", "json");
    JsonNode body = call(CortexXdrCall.GET_QUERY_RESULTS, data);
    return CortexXdrWire.queryResults(body)
        .orElseThrow(() -> unexpectedBody(CortexXdrCall.GET_QUERY_RESULTS));
  }

  /** Opens the result stream of a large query: gzip-compressed NDJSON the caller must close. */
  InputStream openResultStream(String streamId) throws InterruptedException {
    ObjectNode data =
        CortexXdrWire.JSON
            .createObjectNode()
            .put("stream_id", streamId)
            .put("is_gzip_compressed", true);
    CortexXdrCall call = CortexXdrCall.GET_QUERY_RESULTS_STREAM;
    InputStream[] opened = new InputStream[1];
    RawResponse response =
        exchange(
            call,
            () -> {
              StreamedResponse streamed = transport.open(request(call, data));
              if (!streamed.ok()) {
                return streamed.drain(MAX_ERROR_BODY);
              }
              opened[0] = streamed.body();
              return new RawResponse(streamed.status(), streamed.headers(), new byte[0]);
            });
    if (!response.ok()) {
      throw classify(call, response);
    }
    return opened[0];
  }

  /**
   * One call and its JSON answer. A success whose JSON ends early (a proxy or load balancer cut the
   * body, yet the length matched) is a transient failure like a dropped connection, so it is sent
   * again; a body that is not JSON at all stays an unexpected answer.
   */
  private JsonNode call(CortexXdrCall call, ObjectNode data) throws InterruptedException {
    JsonNode[] parsed = new JsonNode[1];
    RawResponse response =
        exchange(
            call,
            () -> {
              RawResponse answer = transport.send(request(call, data));
              parsed[0] = null;
              if (answer.ok()) {
                parsed[0] = CortexXdrWire.completeTree(answer, call.label()).orElse(null);
              }
              return answer;
            });
    if (!response.ok()) {
      throw classify(call, response);
    }
    if (parsed[0] == null) {
      throw failures.unexpected(call, response);
    }
    return parsed[0];
  }

  private RawResponse exchange(CortexXdrCall call, RetryLoop.Attempt<RawResponse> exchange)
      throws InterruptedException {
    try {
      return retry.execute(call.label(), exchange);
    } catch (IOException e) {
      throw failures.unreachable(e, retry.maxAttempts());
    }
  }

  /** A request signed now: an advanced key needs a fresh nonce and timestamp per attempt. */
  private HttpRequest request(CortexXdrCall call, ObjectNode data) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(config.call(call.path()))
            .timeout(tuning.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(CortexXdrWire.requestData(data).toString()));
    return signer.sign(builder).build();
  }

  private RuntimeException classify(CortexXdrCall call, RawResponse response) {
    if (CortexXdrRetryPolicy.quotaExceeded(response)) {
      return failures.quotaRefused(call, response);
    }
    return switch (response.status()) {
      case 401 -> failures.badKey(call, response);
      case 402 -> failures.missingLicense(call, response);
      case 403 -> failures.missingPermission(call, response);
      case 404, 301, 302, 303, 307, 308 -> failures.notTheApi(call, response);
      default -> failures.unexpected(call, response);
    };
  }

  private RuntimeException unexpectedBody(CortexXdrCall call) {
    return failures.unexpectedShape(call);
  }
}
