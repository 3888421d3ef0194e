package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.server.about.BuildInfo;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /api/v1/about: which build answers and on which schema, for anyone signed in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AboutEndToEndIT {
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
  void shouldNameTheBuildAndTheSchemaFlywayLastApplied() {
    String latest =
        server
            .bean(dev.sightline.platform.db.Jdbc.class)
            .queryOne(
                "SELECT version FROM flyway_schema_history WHERE success"
                    + " ORDER BY installed_rank DESC LIMIT 1",
                r -> r.getString(1))
            .orElseThrow();

    TestServer.Response about = server.get("/api/v1/about");

    assertThat(about.status()).isEqualTo(200);
    BuildInfo build = BuildInfo.current();
    assertThat(about.json().get("version").asText()).isEqualTo(build.version());
    assertThat(about.json().get("commit").asText()).isEqualTo(build.commit());
    assertThat(about.json().get("buildTime").asText()).isEqualTo(build.buildTime());
    assertThat(about.json().get("schemaVersion").asText()).isEqualTo(latest);
  }

  @Test
  void shouldAnswerEveryRoleAndNobodyElse() {
    Accounts accounts = new Accounts(server);
    for (String role : new String[] {"ANALYST", "AUDITOR", "OPERATOR"}) {
      String token = accounts.tokenOfNewUser("about-" + role.toLowerCase(), role);
      assertThat(
              server
                  .sendAs(token, HttpRequest.newBuilder(server.uri("/api/v1/about")).GET())
                  .status())
          .as(role)
          .isEqualTo(200);
    }
    assertThat(
            server.sendAs(null, HttpRequest.newBuilder(server.uri("/api/v1/about")).GET()).status())
        .isEqualTo(401);
  }
}
