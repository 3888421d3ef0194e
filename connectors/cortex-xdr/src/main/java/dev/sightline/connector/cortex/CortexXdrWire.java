package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor's JSON shapes this connector reads, parsed leniently: unknown fields are ignored,
 * missing optional ones get defaults. Records themselves stay raw {@link JsonNode}s.
 */
final class CortexXdrWire {

  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CortexXdrWire() {}

  /**
   * One {@code get_endpoint} answer.
   *
   * @param totalCount matches of the filter, or -1 when the reply leaves it out (some do)
   */
  record EndpointPage(List<JsonNode> endpoints, long totalCount) {
    EndpointPage {
      endpoints = List.copyOf(endpoints);
    }
  }

  /** XQL query states of {@code get_query_results}. */
  enum QueryStatus {
    PENDING,
    SUCCESS,
    PARTIAL_SUCCESS,
    FAIL,
    UNKNOWN
  }

  /**
   * One {@code get_query_results} answer.
   *
   * @param rows the inline rows (at most 1,000), empty when the results come as a stream
   * @param streamId the id for {@code get_query_results_stream}, "" when the rows are inline
   */
  record QueryResults(
      QueryStatus status, long numberOfResults, List<JsonNode> rows, String streamId) {
    QueryResults {
      Objects.requireNonNull(status, "status");
      rows = List.copyOf(rows);
      Objects.requireNonNull(streamId, "streamId");
    }
  }

  /** {@code get_quota}: daily XQL query units. */
  record Quota(double licenseQuota, double additionalPurchasedQuota, double usedQuota) {
    double remaining() {
      return licenseQuota + additionalPurchasedQuota - usedQuota;
    }

    boolean exhausted() {
      return remaining() <= 0;
    }
  }

  static ObjectNode requestData(ObjectNode data) {
    ObjectNode body = JSON.createObjectNode();
    body.set("request_data", data);
    return body;
  }

  /** The body as a JSON object, or empty when it is not one (HTML error pages, truncation). */
  /**
   * Like {@link #tree}, but a JSON document that ends early is thrown as {@link CutShortAnswer}, an
   * IOException the retry loop treats like a dropped connection.
   */
  static Optional<JsonNode> completeTree(RawResponse response, String what) throws CutShortAnswer {
    if (response.body().length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(response.body());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new CutShortAnswer(what, response.body().length);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A JSON answer that ended before its document did: cut short on the way. */
  static final class CutShortAnswer extends IOException {
    CutShortAnswer(String what, int bytes) {
      super(
          "the answer to "
              + what
              + " was cut short: its JSON ended early after "
              + bytes
              + " bytes");
    }
  }

  static Optional<JsonNode> tree(RawResponse response) {
    if (response.body().length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(response.body());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The error text of a failed call: {@code reply.err_msg} (plus {@code err_extra} when it is
   * text), a root-level {@code err_msg}, or the newer {@code message}; "" when there is none.
   */
  static String errorMessage(RawResponse response) {
    Optional<JsonNode> body = tree(response);
    if (body.isEmpty()) {
      return plainText(response);
    }
    JsonNode reply = body.get().path("reply");
    JsonNode holder = reply.isObject() && reply.has("err_msg") ? reply : body.get();
    String message = holder.path("err_msg").asText(holder.path("message").asText(""));
    JsonNode extra = holder.path("err_extra");
    if (extra.isTextual() && !extra.asText().isBlank()) {
      message = message + " (" + extra.asText().trim() + ")";
    }
    return message.trim();
  }

  /** A short non-JSON body ("Too many requests.") as text; "" for HTML pages or binary. */
  private static String plainText(RawResponse response) {
    String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).trim();
    return text.startsWith("<") || text.length() > 300 ? "" : text;
  }

  static Optional<EndpointPage> endpointPage(JsonNode body) {
    JsonNode reply = body.path("reply");
    JsonNode endpoints = reply.path("endpoints");
    if (!reply.isObject()
        || !(endpoints.isArray() || endpoints.isMissingNode() || endpoints.isNull())) {
      return Optional.empty();
    }
    List<JsonNode> records = new ArrayList<>();
    endpoints.forEach(records::add);
    JsonNode total = reply.path("total_count");
    return Optional.of(new EndpointPage(records, total.canConvertToLong() ? total.asLong() : -1));
  }

  /** {@code start_xql_query}'s reply: the query id. */
  static Optional<String> queryId(JsonNode body) {
    JsonNode reply = body.path("reply");
    return reply.isTextual() && !reply.asText().isBlank()
        ? Optional.of(reply.asText())
        : Optional.empty();
  }

  static Optional<QueryResults> queryResults(JsonNode body) {
    JsonNode reply = body.path("reply");
    if (!reply.isObject()) {
      return Optional.empty();
    }
    JsonNode results = reply.path("results");
    List<JsonNode> rows = new ArrayList<>();
    results.path("data").forEach(rows::add);
    return Optional.of(
        new QueryResults(
            status(reply.path("status").asText("")),
            reply.path("number_of_results").asLong(-1),
            rows,
            results.path("stream_id").asText("")));
  }

  static Optional<Quota> quota(JsonNode body) {
    JsonNode reply = body.path("reply");
    if (!reply.isObject() || !reply.path("license_quota").isNumber()) {
      return Optional.empty();
    }
    return Optional.of(
        new Quota(
            reply.path("license_quota").asDouble(),
            reply.path("additional_purchased_quota").asDouble(0),
            reply.path("used_quota").asDouble(0)));
  }

  private static QueryStatus status(String text) {
    try {
      return QueryStatus.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return QueryStatus.UNKNOWN;
    }
  }
}
