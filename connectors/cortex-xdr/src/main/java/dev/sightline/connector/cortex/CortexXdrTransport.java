package dev.sightline.connector.cortex;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one HTTP request, nothing more: no retry, no auth. The seam lets unit tests script vendor
 * answers without a network. {@link #open} hands the body over as a stream, for the XQL result
 * stream that must never be held in memory whole.
 */
interface CortexXdrTransport {

  RawResponse send(HttpRequest request) throws IOException, InterruptedException;

  StreamedResponse open(HttpRequest request) throws IOException, InterruptedException;

  /** Sends over the client, each request's target checked by the context just before it goes. */
  static CortexXdrTransport over(
      HttpClient client, dev.sightline.connector.ConnectorContext context) {
    return new CortexXdrTransport() {
      @Override
      public RawResponse send(HttpRequest request) throws IOException, InterruptedException {
        context.checkOutbound(request.uri());
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new RawResponse(response.statusCode(), response.headers(), response.body());
      }

      @Override
      public StreamedResponse open(HttpRequest request) throws IOException, InterruptedException {
        context.checkOutbound(request.uri());
        HttpResponse<InputStream> response =
            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new StreamedResponse(response.statusCode(), response.headers(), response.body());
      }
    };
  }

  /** A vendor answer as received. */
  record RawResponse(int status, HttpHeaders headers, byte[] body) {
    public RawResponse {
      Objects.requireNonNull(headers, "headers");
      body = body == null ? new byte[0] : body;
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A vendor answer whose body is still on the wire; the caller must close it. */
  record StreamedResponse(int status, HttpHeaders headers, InputStream body) implements Closeable {
    public StreamedResponse {
      Objects.requireNonNull(headers, "headers");
      body = body == null ? InputStream.nullInputStream() : body;
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Reads the (error) body whole, at most {@code limit} bytes, and closes the stream. */
    RawResponse drain(int limit) throws IOException {
      try (InputStream in = body) {
        return new RawResponse(status, headers, in.readNBytes(limit));
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
