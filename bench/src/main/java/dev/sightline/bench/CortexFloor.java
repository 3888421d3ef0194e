package dev.sightline.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * The Cortex XDR floor: every {@code get_endpoint} page (100 endpoints a call, by {@code
 * endpoint_id}), then the vulnerability XQL query (the join of {@code va_endpoints} and {@code
 * va_cves} the connector runs) started, polled until done, and its rows read inline or from the
 * gzip NDJSON result stream. Paced at the tenant's limit of 10 requests a second; signed as the
 * tenant's key asks (an advanced key: SHA-256 of key, nonce and timestamp per request).
 */
final class CortexFloor implements FetchFloor {
  /** The tenant's published limit, shared by every integration. */
  static final double TENANT_REQUESTS_PER_SECOND = 10;

  private static final int ENDPOINTS_PER_CALL = 100;
  private static final String QUERY =
      "dataset = va_endpoints | fields endpoint_id, endpoint_name, cves"
          + " | arrayexpand cves"
          + " | join type = inner (dataset = va_cves"
          + " | fields name, severity, description, publication_date, severity_score) as cve cve.name = cves"
          + " | fields endpoint_id, endpoint_name, name, severity, description, publication_date, severity_score"
          + " | sort asc endpoint_id, asc name";

  private final URI base;
  private final String keyId;
  private final String key;
  private final boolean advanced;
  private final FloorHttp http;
  private final SecureRandom random = new SecureRandom();

  CortexFloor(URI base, String keyId, String key, boolean advanced, SSLContext ssl) {
    this.base = base;
    this.keyId = keyId;
    this.key = key;
    this.advanced = advanced;
    this.http = new FloorHttp(ssl, TENANT_REQUESTS_PER_SECOND);
  }

  @Override
  public long readAll() throws Exception {
    return endpoints() + vulnerabilityRows();
  }

  private long endpoints() throws Exception {
    long seen = 0;
    while (true) {
      ObjectNode data = FloorHttp.JSON.createObjectNode();
      data.putArray("filters");
      data.put("search_from", seen).put("search_to", seen + ENDPOINTS_PER_CALL);
      data.putObject("sort").put("field", "endpoint_id").put("keyword", "asc");
      JsonNode reply = call("endpoints/get_endpoint", data).path("reply");
      int size = reply.path("endpoints").size();
      seen += size;
      long total = reply.path("total_count").asLong(-1);
      if (size < ENDPOINTS_PER_CALL || (total >= 0 && seen >= total)) {
        return seen;
      }
    }
  }

  private long vulnerabilityRows() throws Exception {
    ObjectNode start = FloorHttp.JSON.createObjectNode().put("query", QUERY);
    start.putArray("tenants");
    start.putObject("timeframe").put("relativeTime", Duration.ofDays(30).toMillis());
    String queryId = call("xql/start_xql_query", start).path("reply").asText();
    long wait = 500;
    while (true) {
      ObjectNode poll =
          FloorHttp.JSON
              .createObjectNode()
              .put("query_id", queryId)
              .put("pending_flag", true)
              .put("limit", 1000)
              .put("format", "json");
      JsonNode reply = call("xql/get_query_results", poll).path("reply");
      String status = reply.path("status").asText();
      if (status.equals("SUCCESS")) {
        String streamId = reply.path("results").path("stream_id").asText("");
        return streamId.isEmpty() ? reply.path("results").path("data").size() : streamed(streamId);
      }
      if (!status.equals("PENDING")) {
        throw new IllegalStateException("the floor's XQL query ended " + status);
      }
      Thread.sleep(wait);
      wait = Math.min(5000, wait + wait / 2);
    }
  }

  private long streamed(String streamId) throws Exception {
    ObjectNode data =
        FloorHttp.JSON
            .createObjectNode()
            .put("stream_id", streamId)
            .put("is_gzip_compressed", true);
    long rows = 0;
    try (InputStream body = http.stream(request("xql/get_query_results_stream", data));
        GZIPInputStream gzip = new GZIPInputStream(body, 64 * 1024);
        JsonParser parser = FloorHttp.JSON.getFactory().createParser(gzip);
        MappingIterator<JsonNode> lines = FloorHttp.JSON.readValues(parser, JsonNode.class)) {
      while (lines.hasNext()) {
        lines.next();
        rows++;
      }
    }
    return rows;
  }

  private JsonNode call(String path, ObjectNode data) throws Exception {
    return http.json(request(path, data));
  }

  private HttpRequest request(String path, ObjectNode data) throws Exception {
    ObjectNode body = FloorHttp.JSON.createObjectNode();
    body.set("request_data", data);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("/public_api/v1/" + path + "/"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("x-xdr-auth-id", keyId)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!advanced) {
      return builder.header("Authorization", key).build();
    }
    String nonce = nonce();
    String timestamp = Long.toString(System.currentTimeMillis());
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((key + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
    return builder
        .header("x-xdr-nonce", nonce)
        .header("x-xdr-timestamp", timestamp)
        .header("Authorization", HexFormat.of().formatHex(digest))
        .build();
  }

  private String nonce() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder nonce = new StringBuilder(64);
    for (int i = 0; i < 64; i++) {
      nonce.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return nonce.toString();
  }
}
