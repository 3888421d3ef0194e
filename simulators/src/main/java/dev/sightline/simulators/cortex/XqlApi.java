package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.fleet.StableHash;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The XQL calls: {@code start_xql_query} (query checked, licence, daily quota, four parallel
 * queries), {@code get_query_results} (PENDING, then SUCCESS with at most 1,000 rows inline or a
 * {@code stream_id} beyond), {@code get_query_results_stream} (NDJSON, gzipped when {@code
 * is_gzip_compressed}) and {@code get_quota}.
 */
final class XqlApi {
  static final String START = "/public_api/v1/xql/start_xql_query";
  static final String RESULTS = "/public_api/v1/xql/get_query_results";
  static final String STREAM = "/public_api/v1/xql/get_query_results_stream";
  static final String QUOTA = "/public_api/v1/xql/get_quota";

  private final CortexXdrSimulatorOptions options;
  private final VaStore store;
  private final XqlQueries queries;
  private final QuotaLedger quota;
  private final String licenseId;

  XqlApi(CortexXdrSimulatorOptions options, VaStore store, XqlQueries queries, QuotaLedger quota) {
    this.options = options;
    this.store = store;
    this.queries = queries;
    this.quota = quota;
    this.licenseId =
        Long.toString(
            1_000_000_000L
                + Long.remainderUnsigned(
                    StableHash.of(options.seed(), StableHash.salt("cx.license")), 8_999_999_999L));
  }

  void start(CortexCall call, JsonNode requestData) throws IOException {
    JsonNode text = requestData == null ? null : requestData.get("query");
    if (text == null || !text.isTextual()) {
      throw new InvalidRequestData("query is required", "request_data.query must be an XQL string");
    }
    checkTimeframe(requestData.get("timeframe"));
    XqlPlan plan;
    try {
      plan = XqlPlan.compile(XqlParser.parse(text.asText()));
    } catch (XqlException e) {
      CortexErrors.business(call, "failed to parse the XQL query", e.getMessage());
      return;
    }
    if (!options.vulnerabilityLicense()) {
      CortexErrors.send(
          call,
          402,
          CortexErrors.NO_LICENSE,
          "querying "
              + plan.datasets()
              + " needs the Host Insights add-on (vulnerability assessment)");
      return;
    }
    if (quota.exhausted()) {
      CortexErrors.send(
          call,
          500,
          CortexErrors.QUOTA,
          "error_type: QUOTA_EXCEEDED; used_quota "
              + quota.used()
              + " of license_quota "
              + quota.licenseQuota()
              + "; the quota resets at 00:00 UTC");
      return;
    }
    VaSnapshot snapshot = store.snapshot();
    double cost = cost(plan, snapshot);
    Optional<XqlQueries.Query> query = queries.start(plan, snapshot, cost);
    if (query.isEmpty()) {
      CortexErrors.send(
          call,
          500,
          CortexErrors.PARALLEL,
          "at most "
              + XqlQueries.MAX_PARALLEL
              + " queries run in parallel; get the results of a running query, then retry");
      return;
    }
    quota.charge(cost);
    call.reply(
        200,
        g -> {
          g.writeStartObject();
          g.writeStringField("reply", query.get().id());
          g.writeEndObject();
        });
  }

  void results(CortexCall call, JsonNode requestData) throws IOException {
    String id = requiredText(requestData, "query_id");
    boolean pendingFlag = requestData.path("pending_flag").asBoolean(true);
    JsonNode limitNode = requestData.get("limit");
    if (limitNode != null && (!limitNode.isIntegralNumber() || limitNode.asLong() < 1)) {
      throw new InvalidRequestData(
          "invalid limit", "limit must be a positive integer, got " + limitNode);
    }
    long limit = limitNode == null ? XqlQueries.INLINE_LIMIT : limitNode.asLong();
    String format = requestData.path("format").asText("json");
    if (!format.equals("json")) {
      throw new InvalidRequestData(
          "unsupported format", "the simulator answers format json only, got " + format);
    }
    Optional<XqlQueries.Query> query = queries.find(id);
    if (query.isEmpty()) {
      CortexErrors.business(
          call,
          "query_id " + id + " was not found",
          "unknown or expired query_id; results are kept "
              + XqlQueries.TTL.toMinutes()
              + " minutes");
      return;
    }
    XqlQueries.Outcome outcome = queries.poll(query.get(), pendingFlag);
    XqlSchema schema = query.get().plan().schema();
    call.reply(
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("reply");
          g.writeStringField("status", outcome.pending() ? "PENDING" : "SUCCESS");
          g.writeNumberField("number_of_results", outcome.rows());
          g.writeObjectFieldStart("query_cost");
          g.writeNumberField(licenseId, query.get().cost());
          g.writeEndObject();
          g.writeNumberField("remaining_quota", quota.remaining());
          if (!outcome.pending()) {
            g.writeObjectFieldStart("results");
            if (outcome.streamId() != null) {
              g.writeStringField("stream_id", outcome.streamId());
            } else {
              g.writeArrayFieldStart("data");
              List<Object[]> rows = outcome.inline();
              for (int i = 0; i < rows.size() && i < limit; i++) {
                writeRow(g, schema, rows.get(i));
              }
              g.writeEndArray();
            }
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  void stream(CortexCall call, JsonNode requestData) throws IOException {
    String streamId = requiredText(requestData, "stream_id");
    boolean gzip = requestData.path("is_gzip_compressed").asBoolean(false);
    Optional<XqlQueries.Query> query = queries.byStream(streamId);
    if (query.isEmpty()) {
      CortexErrors.business(
          call,
          "stream_id " + streamId + " was not found",
          "unknown or expired stream_id; results are kept "
              + XqlQueries.TTL.toMinutes()
              + " minutes");
      return;
    }
    XqlSchema schema = query.get().plan().schema();
    call.stream(
        200,
        gzip ? "application/octet-stream" : "application/x-ndjson",
        out -> {
          OutputStream body = gzip ? new GZIPOutputStream(out, 64 * 1024) : out;
          try (JsonGenerator g = CortexCall.JSON.createGenerator(body, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            IOException[] failure = new IOException[1];
            query
                .get()
                .plan()
                .run(
                    query.get().snapshot(),
                    row -> {
                      try {
                        writeRow(g, schema, row);
                        g.writeRaw('\n');
                        return true;
                      } catch (IOException e) {
                        failure[0] = e;
                        return false;
                      }
                    });
            if (failure[0] != null) {
              throw failure[0];
            }
          }
        });
  }

  void quota(CortexCall call, JsonNode requestData) throws IOException {
    call.reply(
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("reply");
          g.writeNumberField("license_quota", quota.licenseQuota());
          g.writeNumberField("additional_purchased_quota", 0.0);
          g.writeNumberField("used_quota", quota.used());
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** Query units: a small fixed cost plus the rows each dataset read holds. */
  static double cost(XqlPlan plan, VaSnapshot snapshot) {
    long rows = 0;
    for (String dataset : plan.datasets()) {
      rows += VaRows.size(dataset, snapshot);
    }
    return Math.round((0.0012 + rows * 1e-7) * 1e10) / 1e10;
  }

  static void writeRow(JsonGenerator g, XqlSchema schema, Object[] row) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < schema.size(); i++) {
      g.writeFieldName(schema.names().get(i));
      Object v = row[i];
      if (v == null) {
        g.writeNull();
      } else if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Long l) {
        g.writeNumber(l);
      } else if (v instanceof Double d) {
        g.writeNumber(d);
      } else {
        g.writeStartArray();
        for (Object element : (List<?>) v) {
          g.writeString(String.valueOf(element));
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
  }

  private static void checkTimeframe(JsonNode timeframe) {
    if (timeframe == null || timeframe.isNull()) {
      return; // the API then searches the last 24 hours; VA datasets are current state anyway
    }
    boolean relative =
        timeframe.path("relativeTime").isIntegralNumber()
            && timeframe.path("relativeTime").asLong() > 0;
    boolean range =
        timeframe.path("from").isIntegralNumber()
            && timeframe.path("to").isIntegralNumber()
            && timeframe.path("from").asLong() <= timeframe.path("to").asLong();
    if (!relative && !range) {
      throw new InvalidRequestData(
          "invalid timeframe",
          "timeframe must be {\"relativeTime\": <ms>} or {\"from\": <ms>, \"to\": <ms>}, got "
              + timeframe);
    }
  }

  private static String requiredText(JsonNode requestData, String name) {
    JsonNode value = requestData == null ? null : requestData.get(name);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new InvalidRequestData(
          name + " is required", "request_data." + name + " must be a string");
    }
    return value.asText();
  }
}
