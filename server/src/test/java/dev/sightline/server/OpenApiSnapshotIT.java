package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document the server publishes at {@code /v3/api-docs} is the one committed in {@code
 * docs/openapi.json}: a change to the API shows in review as a change to that file. Compared in a
 * canonical form (keys sorted, the server URL left out), so only the API's shape can differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSnapshotIT {
  /** {@code -Dsightline.openapi.update=true} (or this variable set to true) rewrites the file. */
  static final String UPDATE_PROPERTY = "sightline.openapi.update";

  static final String UPDATE_VARIABLE = "SIGHTLINE_OPENAPI_UPDATE";

  private static final String HOW_TO_REFRESH =
      "If the API change is intended, refresh the snapshot and commit it:\n"
          + "  ./mvnw -B verify -pl server -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dit.test=OpenApiSnapshotIT -Dfailsafe.failIfNoSpecifiedTests=false -D"
          + UPDATE_PROPERTY
          + "=true\n"
          + "  (or set "
          + UPDATE_VARIABLE
          + "=true), then review `git diff docs/openapi.json`.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;

  @BeforeAll
  void start() throws IOException {
    server = new TestServer("127.0.0.1", Optional.empty());
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  @Test
  void shouldPublishTheCommittedOpenApiDocument() throws IOException {
    var answer = server.get("/v3/api-docs");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    String live = canonical(answer.json());
    Path snapshot = snapshotFile();

    if (updateRequested()) {
      Files.writeString(snapshot, live, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(snapshot)) {
      fail("There is no OpenAPI snapshot at " + snapshot + ".\n" + HOW_TO_REFRESH);
    }
    String committed = Files.readString(snapshot, StandardCharsets.UTF_8);
    if (!committed.equals(live)) {
      fail(
          "The OpenAPI document the server publishes differs from "
              + snapshot
              + ":\n"
              + firstDifference(committed, live)
              + "\n"
              + HOW_TO_REFRESH);
    }
  }

  @Test
  void shouldDescribeEveryApiPathWithTheBearerToken() {
    JsonNode document = server.get("/v3/api-docs").json();
    List<String> paths = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains("/api/v1/connectors", "/api/v1/runs/{runId}", "/api/v1/assets")
        .allMatch(p -> p.startsWith("/api/"));
    assertThat(
            document
                .path("components")
                .path("securitySchemes")
                .path("bearer")
                .path("scheme")
                .asText())
        .isEqualTo("bearer");
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
  }

  @Test
  void shouldRefuseTheDocumentWithoutAValidToken() {
    var none = server.sendAs(null, HttpRequest.newBuilder(server.uri("/v3/api-docs")).GET());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.text()).contains("Authorization: Bearer");
    var wrong = server.sendAs("nope", HttpRequest.newBuilder(server.uri("/v3/api-docs")).GET());
    assertThat(wrong.status()).isEqualTo(401);
  }

  /** Keys sorted at every level, the server URL (host and port of this run) left out. */
  static String canonical(JsonNode document) throws IOException {
    ObjectNode copy = (ObjectNode) sorted(document);
    copy.remove("servers");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy) + "\n";
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.stream().sorted().forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      var out = JSON.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  private static boolean updateRequested() {
    return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY))
        || Boolean.parseBoolean(System.getenv(UPDATE_VARIABLE));
  }

  /** {@code docs/openapi.json} of the checkout, found upwards from the working directory. */
  private static Path snapshotFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("docs/architecture.md"))) {
        return dir.resolve("docs/openapi.json");
      }
    }
    throw new IllegalStateException(
        "No docs/architecture.md above " + Path.of("").toAbsolutePath() + ": not in a checkout?");
  }

  private static String firstDifference(String committed, String live) {
    String[] a = committed.split("\n", -1);
    String[] b = live.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String was = i < a.length ? a[i] : "<end of file>";
      String now = i < b.length ? b[i] : "<end of file>";
      if (!was.equals(now)) {
        return "  first difference at line "
            + (i + 1)
            + ":\n    committed: "
            + was.strip()
            + "\n    published: "
            + now.strip();
      }
    }
    return "  (they differ only in line endings)";
  }
}
