package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A minimal client for tests: TLS trusting only the simulator's CA, JSON bodies parsed. */
final class SimClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  record Response(int status, HttpResponse<String> raw, JsonNode body) {
    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    JsonNode resources() {
      return body.path("resources");
    }

    String after() {
      return body.path("meta").path("pagination").path("after").asText();
    }
  }

  private final CrowdStrikeSimulator simulator;
  private final HttpClient http;
  private String token;

  SimClient(CrowdStrikeSimulator simulator) {
    this.simulator = simulator;
    this.http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();
  }

  /** Requests a token with the configured credentials and keeps it for later calls. */
  SimClient authenticate() {
    CrowdStrikeSimulatorOptions o = simulator.options();
    Response r = token("client_id=" + o.clientId() + "&client_secret=" + o.clientSecret());
    if (r.status() != 201) {
      throw new IllegalStateException("token request failed: " + r.status() + " " + r.body());
    }
    token = r.body().get("access_token").asText();
    return this;
  }

  String token() {
    return token;
  }

  void useToken(String value) {
    token = value;
  }

  Response token(String form) {
    return send(
        HttpRequest.newBuilder(simulator.baseUrl().resolve("/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** GET with query parameters given as name, value, name, value…; values are URL-encoded. */
  Response get(String path, String... params) {
    return send(authorized(HttpRequest.newBuilder(uri(path, params))).GET().build());
  }

  /** GET without parsing the body, for answers that are not meant to parse. */
  HttpResponse<String> getRaw(String path, String... params)
      throws IOException, InterruptedException {
    return http.send(
        authorized(HttpRequest.newBuilder(uri(path, params))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  Response postJson(String path, JsonNode body) {
    return send(
        authorized(HttpRequest.newBuilder(simulator.baseUrl().resolve(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> raw = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = raw.body().isEmpty() ? MAPPER.missingNode() : MAPPER.readTree(raw.body());
      return new Response(raw.statusCode(), raw, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Follows {@code after} until the API says the end was reached; returns every record seen. */
  List<JsonNode> readAll(String path, Consumer<Response> eachPage, String... params) {
    List<JsonNode> records = new ArrayList<>();
    String after = "";
    for (int pages = 0; pages < 1_000_000; pages++) {
      String[] withAfter = after.isEmpty() ? params : append(params, "after", after);
      Response page = get(path, withAfter);
      if (page.status() != 200) {
        throw new IllegalStateException("page failed: " + page.status() + " " + page.body());
      }
      eachPage.accept(page);
      page.resources().forEach(records::add);
      after = page.after();
      if (after.isEmpty() || page.resources().isEmpty()) {
        return records;
      }
    }
    throw new IllegalStateException("paging did not end");
  }

  URI uri(String path, String... params) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i + 1 < params.length; i += 2) {
      query
          .append(query.length() == 0 ? "?" : "&")
          .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return URI.create(simulator.baseUrl() + path + query);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  static String[] append(String[] params, String name, String value) {
    String[] out = java.util.Arrays.copyOf(params, params.length + 2);
    out[params.length] = name;
    out[params.length + 1] = value;
    return out;
  }
}
