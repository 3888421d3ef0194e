package dev.sightline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.server.boot.ServerSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server for end-to-end tests: the Spring application on a random port, over a real
 * PostgreSQL, called over HTTP with a bearer token like any client.
 */
final class TestServer implements AutoCloseable {
  static final String TOKEN = "test-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedPostgres postgres;
  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  final URI base;

  TestServer(String allowedTargets, Optional<String> extraCaPem) throws IOException {
    this(allowedTargets, extraCaPem, settings -> settings);
  }

  /** A server whose settings the test adjusts, e.g. to turn single sign-on on. */
  TestServer(
      String allowedTargets,
      Optional<String> extraCaPem,
      java.util.function.UnaryOperator<ServerSettings> adjusted)
      throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    Path dataDir = Files.createTempDirectory("sightline-test");
    ServerSettings settings =
        new ServerSettings(
            0,
            dataDir,
            Optional.of(postgres.getJdbcUrl("postgres", "postgres")),
            Optional.empty(),
            Optional.empty(),
            Optional.of(TOKEN),
            Optional.of("test-master-key"),
            allowedTargets,
            extraCaPem,
            200,
            2);
    context = SightlineApplication.start(adjusted.apply(settings));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  java.net.URI uri(String path) {
    return base.resolve(path);
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Response post(String path, Object body) {
    return withJson("POST", path, body);
  }

  Response put(String path, Object body) {
    return withJson("PUT", path, body);
  }

  Response patch(String path, Object body) {
    return withJson("PATCH", path, body);
  }

  /** A body given as a String is sent as it is; anything else as its JSON. */
  private Response withJson(String method, String path, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  HttpRequest.BodyPublishers.ofString(
                      body instanceof String s ? s : JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  Response send(HttpRequest.Builder request) {
    return sendAs(TOKEN, request);
  }

  Response sendAs(String token, HttpRequest.Builder request) {
    try {
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), json(r));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body as JSON when it is JSON (metrics and other text answers have none). */
  private static JsonNode json(HttpResponse<String> r) throws IOException {
    boolean isJson =
        r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
    return r.body().isEmpty() || !isJson ? null : JSON.readTree(r.body());
  }

  record Response(int status, String text, JsonNode json) {}

  /** Starts a run of the connector ("Run now") and waits for it to end; its final answer. */
  JsonNode runToEnd(String connectorId) {
    Response started = post("/api/v1/connectors/" + connectorId + "/runs", "");
    if (started.status() != 202) {
      throw new AssertionError(
          "starting a run answered " + started.status() + ": " + started.text());
    }
    return awaitRun(started.json().path("runId").asText());
  }

  /** Waits until the run has ended (PROCESSED or ERRORED; a SCHEDULED run has not started yet). */
  JsonNode awaitRun(String runId) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(5))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                get("/api/v1/runs/" + runId)
                    .json()
                    .path("state")
                    .asText()
                    .matches("PROCESSED|ERRORED"));
    return get("/api/v1/runs/" + runId).json();
  }

  @Override
  public void close() throws IOException {
    context.close();
    postgres.close();
  }
}
