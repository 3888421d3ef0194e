package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;
import dev.sightline.simulators.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * A minimal Cortex XDR client for tests: TLS trusting only the simulator's CA, standard or advanced
 * key headers, JSON bodies parsed (gzip undone). With a {@link MutableClock} it moves the clock 100
 * ms before each call, which keeps it under the 10-per-second limit without waiting.
 */
final class CortexClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  record Response(int status, HttpResponse<byte[]> raw, JsonNode body) {
    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    JsonNode reply() {
      return body.path("reply");
    }
  }

  private final CortexXdrSimulator simulator;
  private final HttpClient http;
  private final Clock clock;
  private String keyId;
  private String key;
  private SecurityLevel security;
  private Supplier<String> nonces;
  private long nonceCounter;
  private final Map<String, String> extraHeaders = new HashMap<>();

  CortexClient(CortexXdrSimulator simulator) {
    this.simulator = simulator;
    this.http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();
    this.clock = simulator.options().clock();
    this.keyId = simulator.options().keyId();
    this.key = simulator.options().key();
    this.security = simulator.options().security();
    this.nonces = this::freshNonce;
  }

  CortexClient withKey(String newKeyId, String newKey, SecurityLevel newSecurity) {
    this.keyId = newKeyId;
    this.key = newKey;
    this.security = newSecurity;
    return this;
  }

  /** Advanced requests take their nonce from here (to replay one on purpose). */
  CortexClient withNonces(Supplier<String> newNonces) {
    this.nonces = newNonces;
    return this;
  }

  CortexClient withHeader(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  Response post(String path, JsonNode body) {
    return post(path, body.toString());
  }

  Response post(String path, String body) {
    return post(path, body, clock.millis());
  }

  /** POST with the advanced timestamp given explicitly (for skew tests). */
  Response post(String path, String body, long timestampMillis) {
    if (clock instanceof MutableClock mutable) {
      mutable.advance(Duration.ofMillis(100));
      timestampMillis += 100;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
            .header("Content-Type", "application/json")
            .header("x-xdr-auth-id", keyId)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (security == SecurityLevel.ADVANCED) {
      String nonce = nonces.get();
      String timestamp = Long.toString(timestampMillis);
      request
          .header("x-xdr-nonce", nonce)
          .header("x-xdr-timestamp", timestamp)
          .header("Authorization", ApiKeyAuthenticator.hash(key, nonce, timestamp));
    } else {
      request.header("Authorization", key);
    }
    extraHeaders.forEach(request::header);
    return send(request.build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = raw.body();
      if (raw.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
        bytes = gunzip(bytes);
      }
      JsonNode body =
          bytes.length == 0
                  || !raw.headers()
                      .firstValue("Content-Type")
                      .orElse("")
                      .startsWith("application/json")
              ? MAPPER.missingNode()
              : MAPPER.readTree(bytes);
      return new Response(raw.statusCode(), raw, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode requestData(Object... nameValues) {
    ObjectNode data = MAPPER.createObjectNode();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      data.set((String) nameValues[i], MAPPER.valueToTree(nameValues[i + 1]));
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.set("request_data", data);
    return body;
  }

  Response endpoints(int from, int to, String sortField, String keyword, Object filters) {
    ObjectNode body =
        requestData(
            "search_from",
            from,
            "search_to",
            to,
            "sort",
            Map.of("field", sortField, "keyword", keyword),
            "filters",
            filters);
    return post(EndpointsApi.GET_ENDPOINT + "/", body);
  }

  /** Every endpoint, pages of 100 sorted by endpoint_id ascending. */
  List<JsonNode> allEndpoints(Object filters) {
    List<JsonNode> out = new ArrayList<>();
    for (int from = 0; ; from += 100) {
      Response page = endpoints(from, from + 100, "endpoint_id", "asc", filters);
      if (page.status() != 200) {
        throw new IllegalStateException("page failed: " + page.status() + " " + page.body());
      }
      page.reply().path("endpoints").forEach(out::add);
      if (from + 100 >= page.reply().path("total_count").asLong()) {
        return out;
      }
    }
  }

  Response start(String query) {
    return post(
        XqlApi.START + "/",
        requestData(
            "query",
            query,
            "tenants",
            List.of(),
            "timeframe",
            Map.of("relativeTime", 86_400_000L)));
  }

  String startOk(String query) {
    Response r = start(query);
    if (r.status() != 200) {
      throw new IllegalStateException("start_xql_query failed: " + r.status() + " " + r.body());
    }
    return r.reply().asText();
  }

  Response results(String queryId) {
    return post(
        XqlApi.RESULTS + "/",
        requestData("query_id", queryId, "pending_flag", true, "limit", 1000, "format", "json"));
  }

  /** Polls until SUCCESS (at most 10 polls; the simulator answers PENDING once or twice). */
  JsonNode completed(String queryId) {
    for (int i = 0; i < 10; i++) {
      Response r = results(queryId);
      if (r.status() != 200) {
        throw new IllegalStateException("get_query_results failed: " + r.status() + " " + r.body());
      }
      if (r.reply().path("status").asText().equals("SUCCESS")) {
        return r.reply();
      }
    }
    throw new IllegalStateException("query " + queryId + " never completed");
  }

  /** The stream's raw bytes (gzip undone only for the transport). */
  byte[] streamBytes(String streamId, boolean gzipPayload) {
    Response r =
        post(
            XqlApi.STREAM + "/",
            requestData("stream_id", streamId, "is_gzip_compressed", gzipPayload));
    if (r.status() != 200) {
      throw new IllegalStateException(
          "stream failed: "
              + r.status()
              + " "
              + new String(r.raw().body(), StandardCharsets.UTF_8));
    }
    byte[] bytes = r.raw().body();
    return r.header("Content-Encoding").filter("gzip"::equals).isPresent() ? gunzip(bytes) : bytes;
  }

  /** Runs a query to completion and returns every row, inline or streamed. */
  List<JsonNode> rows(String query) {
    JsonNode reply = completed(startOk(query));
    JsonNode results = reply.path("results");
    List<JsonNode> rows = new ArrayList<>();
    if (results.has("stream_id")) {
      return ndjson(gunzip(streamBytes(results.get("stream_id").asText(), true)));
    }
    results.path("data").forEach(rows::add);
    return rows;
  }

  static List<JsonNode> ndjson(byte[] bytes) {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        try {
          rows.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return rows;
  }

  static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String freshNonce() {
    StringBuilder sb = new StringBuilder(64);
    long n = ++nonceCounter + System.identityHashCode(this) * 1_000_003L;
    for (int i = 0; i < 64; i++) {
      n = n * 6364136223846793005L + 1442695040888963407L;
      sb.append(ALPHANUMERIC.charAt((int) Long.remainderUnsigned(n >>> 17, ALPHANUMERIC.length())));
    }
    return sb.toString();
  }
}
