package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import java.io.IOException;
import java.net.URLDecoder;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted CrowdStrike for unit tests, behind the {@link CrowdStrikeTransport} seam: the token
 * endpoint issues numbered tokens unless told otherwise; data paths answer from a queue of scripted
 * responses. Every request is recorded.
 */
final class FakeCrowdStrike implements CrowdStrikeTransport {

  static final String TOKEN_PATH = "/oauth2/token";

  @FunctionalInterface
  interface Responder {
    RawResponse answer(HttpRequest request) throws IOException;
  }

  private final Deque<Responder> tokenAnswers = new ArrayDeque<>();
  private final Map<String, Deque<Responder>> dataAnswers = new HashMap<>();
  private final List<HttpRequest> requests = new ArrayList<>();
  private final List<String> tokenForms = new ArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  @Override
  public synchronized RawResponse send(HttpRequest request) throws IOException {
    requests.add(request);
    String path = request.uri().getPath();
    if (path.equals(TOKEN_PATH)) {
      tokenForms.add(bodyOf(request));
      Responder scripted = tokenAnswers.poll();
      return scripted != null
          ? scripted.answer(request)
          : json(201, tokenBody("token-" + issued.incrementAndGet(), 1799));
    }
    Deque<Responder> queue = dataAnswers.get(path);
    if (queue == null || queue.isEmpty()) {
      throw new AssertionError("no scripted answer for " + path);
    }
    return queue.poll().answer(request);
  }

  FakeCrowdStrike onToken(Responder responder) {
    tokenAnswers.add(responder);
    return this;
  }

  FakeCrowdStrike on(String path, Responder responder) {
    dataAnswers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(responder);
    return this;
  }

  FakeCrowdStrike on(String path, RawResponse response) {
    return on(path, r -> response);
  }

  synchronized List<HttpRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized List<HttpRequest> dataRequests() {
    return requests.stream().filter(r -> !r.uri().getPath().equals(TOKEN_PATH)).toList();
  }

  synchronized List<String> tokenForms() {
    return List.copyOf(tokenForms);
  }

  int tokensIssued() {
    return issued.get();
  }

  static String bearer(HttpRequest request) {
    return request.headers().firstValue("Authorization").orElse("");
  }

  /** The decoded query parameters of a request, repeated ones in order. */
  static Map<String, List<String>> params(HttpRequest request) {
    Map<String, List<String>> params = new HashMap<>();
    String raw = request.uri().getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static RawResponse json(int status, JsonNode body, String... headers) {
    return response(status, body.toString().getBytes(StandardCharsets.UTF_8), headers);
  }

  static RawResponse response(int status, byte[] body, String... headers) {
    Map<String, List<String>> map = new HashMap<>();
    map.put("X-CS-TRACEID", List.of("trace-" + status));
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return new RawResponse(status, HttpHeaders.of(map, (a, b) -> true), body);
  }

  static ObjectNode tokenBody(String token, long expiresIn) {
    return CrowdStrikeWire.JSON
        .createObjectNode()
        .put("access_token", token)
        .put("expires_in", expiresIn)
        .put("token_type", "bearer");
  }

  static RawResponse error(int status, String message, String... headers) {
    ObjectNode body = CrowdStrikeWire.JSON.createObjectNode();
    body.putObject("meta")
        .put("query_time", 0.01)
        .put("powered_by", "crowdstrike-api-gateway")
        .put("trace_id", "trace-" + status);
    body.putArray("errors").addObject().put("code", status).put("message", message);
    return json(status, body, headers);
  }

  /** A combined-query page of {@code records} with the given pagination. */
  static RawResponse page(List<? extends JsonNode> records, String after, long total) {
    ObjectNode body = CrowdStrikeWire.JSON.createObjectNode();
    ObjectNode pagination =
        body.putObject("meta")
            .put("query_time", 0.02)
            .put("powered_by", "spapi")
            .put("trace_id", "trace-page")
            .putObject("pagination");
    pagination.put("limit", records.size()).put("total", total).put("after", after);
    ArrayNode resources = body.putArray("resources");
    records.forEach(resources::add);
    body.putArray("errors");
    return json(200, body, "X-RateLimit-Limit", "6000", "X-RateLimit-Remaining", "5999");
  }

  /** A Spotlight-like vulnerability with the fields the reader orders by. */
  static ObjectNode vulnerability(String id, String updated) {
    return CrowdStrikeWire.JSON
        .createObjectNode()
        .put("id", id)
        .put("aid", "aid-" + id)
        .put("cid", "cid")
        .put("status", "open")
        .put("created_timestamp", updated)
        .put("updated_timestamp", updated);
  }

  private static String bodyOf(HttpRequest request) {
    return request.bodyPublisher().map(FakeCrowdStrike::drain).orElse("");
  }

  private static String drain(HttpRequest.BodyPublisher publisher) {
    StringBuilder text = new StringBuilder();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            text.append(StandardCharsets.UTF_8.decode(item));
          }

          @Override
          public void onError(Throwable throwable) {
            throw new AssertionError(throwable);
          }

          @Override
          public void onComplete() {}
        });
    return text.toString();
  }
}
