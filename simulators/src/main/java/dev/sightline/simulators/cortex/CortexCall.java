package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * One HTTP exchange with what the Cortex endpoints need: the body read once, JSON replies buffered
 * (with Content-Length) or streamed (chunked), and gzip transport compression when the client sends
 * {@code Accept-Encoding: gzip}, as the API pages document. Confined to the server thread.
 */
final class CortexCall {
  static final JsonFactory JSON = new JsonFactory();
  static final int MAX_BODY = 8 * 1024 * 1024;

  /** Writes a JSON document; IOException is the only failure a writer may raise. */
  @FunctionalInterface
  interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes a raw body. */
  @FunctionalInterface
  interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  private final HttpExchange exchange;
  private byte[] body;
  private boolean responded;
  private CortexFaultDecision.Kind spoil = CortexFaultDecision.Kind.NONE;

  CortexCall(HttpExchange exchange) {
    this.exchange = exchange;
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getPath();
  }

  String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** The request body, read on first use (at most 8 MB). */
  byte[] body() throws IOException {
    if (body == null) {
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY);
      }
    }
    return body;
  }

  /**
   * The next buffered reply is spoiled by an injected fault ({@link
   * CortexFaultDecision.Kind#spoilsBody}).
   */
  void spoilNextReply(CortexFaultDecision.Kind kind) {
    spoil = kind;
  }

  boolean responded() {
    return responded;
  }

  /** A small JSON document, buffered and sent with a Content-Length (gzipped when accepted). */
  void reply(int status, JsonWriter writer) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      writer.write(g);
    }
    send(status, "application/json", buffer.toByteArray());
  }

  void send(int status, String contentType, byte[] bytes) throws IOException {
    CortexFaultDecision.Kind fault = spoil;
    spoil = CortexFaultDecision.Kind.NONE;
    if (fault == CortexFaultDecision.Kind.CUT_BODY && bytes.length > 1) {
      sendHalfThenClose(status, contentType, bytes);
      return;
    }
    byte[] payload =
        fault == CortexFaultDecision.Kind.TRUNCATE_JSON
            ? java.util.Arrays.copyOf(bytes, bytes.length / 2)
            : bytes;
    if (gzipAccepted()) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream(payload.length / 4 + 64);
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write(payload);
      }
      payload = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    responded = true;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
    if (payload.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(payload);
      }
    }
  }

  /**
   * A large body, streamed with chunked encoding and never held in memory (gzipped when accepted).
   */
  void stream(int status, String contentType, BodyWriter writer) throws IOException {
    boolean gzip = gzipAccepted();
    if (gzip) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    responded = true;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, 0);
    OutputStream raw = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
    try (OutputStream out = gzip ? new GZIPOutputStream(raw, 64 * 1024) : raw) {
      writer.write(
          new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush(); // the writer's wrappers may close; the outer stream ends the response
            }
          });
    }
  }

  /**
   * Promises the whole body in the length header, sends half of it (uncompressed, whatever the
   * client accepts), then closes the connection, as when a connection breaks mid-transfer.
   */
  private void sendHalfThenClose(int status, String contentType, byte[] bytes) throws IOException {
    responded = true;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    OutputStream out = exchange.getResponseBody();
    out.write(bytes, 0, bytes.length / 2);
    out.flush();
    exchange.close(); // the body is short of its length, so the server closes the connection
  }

  /** Closes the connection without any response, like a load balancer dropping it. */
  void drop() {
    responded = true;
    exchange.close();
  }

  private boolean gzipAccepted() {
    return header("Accept-Encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip"))
        .orElse(false);
  }
}
