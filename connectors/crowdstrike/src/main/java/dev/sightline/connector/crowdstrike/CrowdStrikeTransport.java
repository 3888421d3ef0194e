package dev.sightline.connector.crowdstrike;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one HTTP request, nothing more: no retry, no auth. The seam lets unit tests script vendor
 * answers without a network.
 */
@FunctionalInterface
interface CrowdStrikeTransport {

  RawResponse send(HttpRequest request) throws IOException, InterruptedException;

  /** Sends over the client, each request's target checked by the context just before it goes. */
  static CrowdStrikeTransport over(
      HttpClient client, dev.sightline.connector.ConnectorContext context) {
    return request -> {
      context.checkOutbound(request.uri());
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new RawResponse(response.statusCode(), response.headers(), response.body());
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

    /** The id CrowdStrike support asks for, or "none". */
    String traceId() {
      return header("X-CS-TRACEID").orElse("none");
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
