package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

  /**
   * A vendor answer as received.
   *
   * @param parsed the body's JSON, parsed at most once however many steps read it (the retry policy
   *     checks that a page is whole JSON before the client reads its records)
   */
  record RawResponse(int status, HttpHeaders headers, byte[] body, ParsedBody parsed) {
    public RawResponse {
      Objects.requireNonNull(headers, "headers");
      body = body == null ? new byte[0] : body;
      Objects.requireNonNull(parsed, "parsed");
    }

    RawResponse(int status, HttpHeaders headers, byte[] body) {
      this(status, headers, body, new ParsedBody());
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

  /** A response body's JSON object, computed on first use. Thread-safe. */
  final class ParsedBody {
    private Optional<JsonNode> tree;

    synchronized Optional<JsonNode> get(Supplier<Optional<JsonNode>> parse) {
      if (tree == null) {
        tree = parse.get();
      }
      return tree;
    }
  }
}
