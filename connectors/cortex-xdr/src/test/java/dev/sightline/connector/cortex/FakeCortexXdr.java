package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.cortex.CortexXdrTransport.StreamedResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.zip.GZIPOutputStream;

/**
 * A scripted Cortex XDR for unit tests, behind the {@link CortexXdrTransport} seam: each call path
 * answers from a queue of scripted responses, or from a default responder. Every request is
 * recorded with its JSON body.
 */
final class FakeCortexXdr implements CortexXdrTransport {

  static final String GET_ENDPOINT = "/public_api/v1/endpoints/get_endpoint/";
  static final String GET_QUOTA = "/public_api/v1/xql/get_quota/";
  static final String START = "/public_api/v1/xql/start_xql_query/";
  static final String RESULTS = "/public_api/v1/xql/get_query_results/";
  static final String STREAM = "/public_api/v1/xql/get_query_results_stream/";

  /** A scripted answer to one request. */
  @FunctionalInterface
  interface Responder {
    Object answer(HttpRequest request, JsonNode body) throws IOException;
  }

  /** What was sent. */
  record Sent(HttpRequest request, JsonNode body) {
    String path() {
      return request.uri().getPath();
    }

    JsonNode data() {
      return body.path("request_data");
    }
  }

  private final Map<String, Deque<Responder>> scripted = new HashMap<>();
  private final Map<String, Responder> defaults = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();

  FakeCortexXdr() {
    defaults.put(GET_QUOTA, (r, b) -> json(200, quotaBody(5, 0, 1)));
  }

  @Override
  public synchronized RawResponse send(HttpRequest request) throws IOException {
    Object answer = answer(request);
    if (answer instanceof RawResponse raw) {
      return raw;
    }
    throw new AssertionError("a byte answer was expected for " + request.uri().getPath());
  }

  @Override
  public synchronized StreamedResponse open(HttpRequest request) throws IOException {
    Object answer = answer(request);
    if (answer instanceof StreamedResponse streamed) {
      return streamed;
    }
    RawResponse raw = (RawResponse) answer;
    return new StreamedResponse(raw.status(), raw.headers(), new ByteArrayInputStream(raw.body()));
  }

  private Object answer(HttpRequest request) throws IOException {
    JsonNode body = CortexXdrWire.JSON.readTree(bodyOf(request));
    sent.add(new Sent(request, body));
    String path = request.uri().getPath();
    Deque<Responder> queue = scripted.get(path);
    Responder responder = queue != null && !queue.isEmpty() ? queue.poll() : defaults.get(path);
    if (responder == null) {
      throw new AssertionError("no scripted answer for " + path);
    }
    return responder.answer(request, body);
  }

  FakeCortexXdr on(String path, Responder responder) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(responder);
    return this;
  }

  FakeCortexXdr on(String path, RawResponse response) {
    return on(path, (r, b) -> response);
  }

  FakeCortexXdr byDefault(String path, Responder responder) {
    defaults.put(path, responder);
    return this;
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized List<Sent> sent(String path) {
    return sent.stream().filter(s -> s.path().equals(path)).toList();
  }

  static RawResponse json(int status, JsonNode body) {
    return new RawResponse(status, headers(), body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static RawResponse error(int status, String message) {
    ObjectNode body = CortexXdrWire.JSON.createObjectNode();
    body.putObject("reply").put("err_code", status).put("err_msg", message).put("err_extra", "");
    return json(status, body);
  }

  static ObjectNode endpointsBody(List<? extends JsonNode> endpoints, long total) {
    ObjectNode body = CortexXdrWire.JSON.createObjectNode();
    ObjectNode reply = body.putObject("reply");
    if (total >= 0) {
      reply.put("total_count", total);
    }
    reply.put("result_count", endpoints.size());
    ArrayNode list = reply.putArray("endpoints");
    endpoints.forEach(e -> list.add(e.deepCopy()));
    return body;
  }

  static ObjectNode endpoint(String id) {
    ObjectNode e =
        CortexXdrWire.JSON
            .createObjectNode()
            .put("endpoint_id", id)
            .put("endpoint_name", "host-" + id)
            .put("endpoint_type", "AGENT_TYPE_SERVER")
            .put("last_seen", 1_717_000_000_000L);
    e.putArray("ip").add("10.0.0." + (Math.abs(id.hashCode()) % 250 + 1));
    e.putArray("ipv6");
    return e;
  }

  static ObjectNode quotaBody(double license, double additional, double used) {
    ObjectNode body = CortexXdrWire.JSON.createObjectNode();
    body.putObject("reply")
        .put("license_quota", license)
        .put("additional_purchased_quota", additional)
        .put("used_quota", used);
    return body;
  }

  static ObjectNode reply(String value) {
    return CortexXdrWire.JSON.createObjectNode().put("reply", value);
  }

  static ObjectNode results(
      String status, List<? extends JsonNode> rows, long count, String streamId) {
    ObjectNode body = CortexXdrWire.JSON.createObjectNode();
    ObjectNode reply =
        body.putObject("reply").put("status", status).put("number_of_results", count);
    ObjectNode results = reply.putObject("results");
    if (streamId.isEmpty()) {
      ArrayNode data = results.putArray("data");
      rows.forEach(data::add);
    } else {
      results.put("stream_id", streamId);
    }
    return body;
  }

  static ObjectNode row(String endpointId, String cve, String severity) {
    return CortexXdrWire.JSON
        .createObjectNode()
        .put("endpoint_id", endpointId)
        .put("endpoint_name", "host-" + endpointId)
        .put("name", cve)
        .put("severity", severity)
        .put("description", "about " + cve)
        .put("publication_date", 1_600_000_000_000L)
        .put("severity_score", 7.5);
  }

  /** NDJSON of the rows, gzipped {@code layers} times. */
  static byte[] ndjson(List<? extends JsonNode> rows, int layers) {
    StringBuilder text = new StringBuilder();
    rows.forEach(r -> text.append(r).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < layers; i++) {
      bytes = gzip(bytes);
    }
    return bytes;
  }

  static StreamedResponse stream(byte[] body) {
    return new StreamedResponse(200, headers(), new ByteArrayInputStream(body));
  }

  static StreamedResponse stream(InputStream body) {
    return new StreamedResponse(200, headers(), body);
  }

  static HttpHeaders headers() {
    return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String bodyOf(HttpRequest request) {
    return request.bodyPublisher().map(FakeCortexXdr::drain).orElse("");
  }

  private static String drain(HttpRequest.BodyPublisher publisher) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    publisher.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.writeBytes(chunk);
          }

          @Override
          public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
    done.join();
    return out.toString(StandardCharsets.UTF_8);
  }
}
