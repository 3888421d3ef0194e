package dev.sightline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The floor's HTTP: a bare {@link HttpClient} and Jackson, nothing of Sightline's. It paces request
 * starts at the tenant's own limit (none for CrowdStrike's 6,000 a minute, which a single reader
 * does not reach; 10 a second for Cortex XDR) and waits out a 429 before asking again, because the
 * floor is the fastest a client may read, not one the vendor refuses.
 */
final class FloorHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REFUSALS = 20;

  private final HttpClient client;
  private final long spacingNanos;
  private long nextStart;
  private long requests;

  FloorHttp(SSLContext ssl, double requestsPerSecond) {
    this.client =
        HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    this.spacingNanos =
        requestsPerSecond > 0 ? (long) Math.ceil(1_000_000_000L / requestsPerSecond) : 0;
  }

  /** Sends and parses a JSON answer; any status but 2xx (after waiting out 429s) is an error. */
  JsonNode json(HttpRequest request) throws IOException, InterruptedException {
    try (InputStream body = stream(request)) {
      return JSON.readTree(body);
    }
  }

  /** Sends and returns the body as a stream the caller closes. */
  InputStream stream(HttpRequest request) throws IOException, InterruptedException {
    for (int refusals = 0; ; refusals++) {
      pace();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() == 429 && refusals < MAX_REFUSALS) {
        response.body().close();
        Thread.sleep(1000);
        continue;
      }
      if (response.statusCode() / 100 != 2) {
        String text =
            new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        throw new IOException(
            "the floor's "
                + request.method()
                + " "
                + request.uri().getPath()
                + " got "
                + response.statusCode()
                + ": "
                + text.substring(0, Math.min(300, text.length())));
      }
      return response.body();
    }
  }

  /** Requests sent so far (retries included). */
  long requests() {
    return requests;
  }

  private void pace() throws InterruptedException {
    requests++;
    long now = System.nanoTime();
    long start = Math.max(now, nextStart);
    nextStart = start + spacingNanos;
    if (start > now) {
      Thread.sleep((start - now) / 1_000_000, (int) ((start - now) % 1_000_000));
    }
  }
}
