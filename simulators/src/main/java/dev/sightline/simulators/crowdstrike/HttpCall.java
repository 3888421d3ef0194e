package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.sun.net.httpserver.HttpExchange;
import dev.sightline.simulators.server.FormEncoding;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange with the helpers every endpoint needs: form-style query decoding (so '+'
 * becomes a space, as on any real server), the trace id, and JSON output either buffered (small
 * bodies, sent with Content-Length) or streamed (pages of thousands of records). Confined to the
 * server thread handling the exchange.
 */
final class HttpCall {
  static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** Writes a JSON document; IOException is the only failure a writer may raise. */
  @FunctionalInterface
  interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  /** How an injected fault spoils the answer's body; see {@link CrowdStrikeFaultPlan}. */
  enum Cut {
    NONE,
    /** Headers with the full Content-Length, half the body, then the connection closes. */
    DROP_MID_BODY,
    /** Half the body, sent as a complete answer of that length. */
    TRUNCATE
  }

  private final HttpExchange exchange;
  private final String traceId;
  private final long startedNanos = System.nanoTime();
  private final Map<String, List<String>> query;
  private int status;
  private Cut cut = Cut.NONE;

  HttpCall(HttpExchange exchange, String traceId) {
    this.exchange = exchange;
    this.traceId = traceId;
    this.query = decodeForm(exchange.getRequestURI().getRawQuery());
  }

  static Map<String, List<String>> decodeForm(String raw) {
    return FormEncoding.decode(raw);
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getPath();
  }

  String rawQuery() {
    String raw = exchange.getRequestURI().getRawQuery();
    return raw == null ? "" : raw;
  }

  String remoteAddress() {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  String traceId() {
    return traceId;
  }

  int status() {
    return status;
  }

  Optional<String> first(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  List<String> all(String name) {
    return query.getOrDefault(name, List.of());
  }

  Optional<String> requestHeader(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  byte[] body() throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(8 * 1024 * 1024);
    }
  }

  void header(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /**
   * Seconds since the request arrived, nanosecond digits and never exponent notation ({@code
   * 0.016055195}).
   */
  BigDecimal queryTime() {
    return BigDecimal.valueOf(Math.max(1_000, System.nanoTime() - startedNanos), 9);
  }

  /** Spoils this call's answer body, whichever way the endpoint writes it. */
  void cutBody(Cut how) {
    cut = how;
  }

  /** Small documents: buffered and sent with a Content-Length, as the real API does. */
  void respond(int code, JsonWriter writer) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      writer.write(g);
    }
    send(code, buffer.toByteArray());
  }

  /** Large documents: streamed with chunked encoding, never held in memory. */
  void stream(int code, JsonWriter writer) throws IOException {
    if (cut != Cut.NONE) {
      respond(code, writer); // a spoiled answer is built whole first, to know where half is
      return;
    }
    prepare(code);
    exchange.sendResponseHeaders(code, 0);
    OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g);
    }
  }

  void send(int code, byte[] body) throws IOException {
    if (cut != Cut.NONE && body.length > 1) {
      sendCut(code, body);
      return;
    }
    prepare(code);
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void sendCut(int code, byte[] body) throws IOException {
    prepare(code);
    int half = body.length / 2;
    if (cut == Cut.TRUNCATE) {
      exchange.sendResponseHeaders(code, half);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body, 0, half);
      }
      return;
    }
    exchange.sendResponseHeaders(code, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, half);
    out.flush();
    // Closing the exchange while the fixed-length body is short makes the JDK server close the
    // connection itself; closing the stream first would leave the client waiting instead.
    exchange.close();
  }

  /** Closes the connection without any response, like a load balancer dropping it. */
  void drop() {
    status = 0;
    exchange.close();
  }

  boolean responded() {
    return status != 0;
  }

  private void prepare(int code) {
    status = code;
    header("Content-Type", "application/json");
    header("X-CS-TRACEID", traceId);
    header("X-CS-Region", "us-1");
  }
}
