package dev.sightline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.audit.AuditEntry;
import dev.sightline.platform.audit.AuditEntry.Outcome;
import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.audit.AuditQuery;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the trail says acted, and what it records when a change is refused, fails, or cannot be
 * recorded, over a real audit log on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {
  private EmbeddedPostgres postgres;
  private AuditLog log;
  private AuditTrail trail;

  @BeforeAll
  void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    DataSource ds = postgres.getPostgresDatabase();
    Database.migrate(ds);
    log = new AuditLog(new Jdbc(ds), Clock.systemUTC());
    trail = new AuditTrail(log, JsonMapper.builder().build());
  }

  @AfterAll
  void stop() throws IOException {
    postgres.close();
  }

  @AfterEach
  void leaveTheRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  private static void inRequest(String user, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
    request.setRemoteAddr(address);
    if (user != null) {
      request.setUserPrincipal(() -> user);
    }
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  /** The latest entry for this target. */
  private AuditEntry latest(String target) {
    return log.find(AuditQuery.all(0, 100)).items().stream()
        .map(e -> e.entry())
        .filter(e -> target.equals(e.target()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldNameTheRequestsUserAndAddress() {
    inRequest("alice", "192.0.2.5");

    trail.record(
        AuditAction.SCORING_WEIGHTS,
        "by-alice",
        Outcome.SUCCEEDED,
        Map.of("critical", 1),
        Map.of("critical", 2),
        null);

    AuditEntry e = latest("by-alice");
    assertThat(e.actor()).isEqualTo("alice");
    assertThat(e.address()).isEqualTo("192.0.2.5");
    assertThat(e.before()).isEqualTo("{\"critical\": 1}");
    assertThat(e.after()).isEqualTo("{\"critical\": 2}");
  }

  @Test
  void shouldRecordARequestWithoutAUserAsAnonymous() {
    inRequest(null, "192.0.2.6");

    trail.record(AuditAction.RUN_START, "nobody", Outcome.SUCCEEDED, null, null, null);

    assertThat(latest("nobody").actor()).isEqualTo(AuditEntry.ANONYMOUS);
    assertThat(latest("nobody").address()).isEqualTo("192.0.2.6");
  }

  @Test
  void shouldRecordWorkOutsideARequestAsTheSystem() {
    trail.record(AuditAction.RUN_START, "scheduled", Outcome.SUCCEEDED, null, null, null);

    assertThat(latest("scheduled").actor()).isEqualTo(AuditEntry.SYSTEM);
    assertThat(latest("scheduled").address()).isNull();
  }

  @Test
  void shouldRecordARefusalWithItsReasonAndRethrowIt() {
    inRequest("bob", "192.0.2.7");

    assertThatThrownBy(
            () ->
                trail.change(
                    AuditAction.CONNECTOR_EDIT,
                    "refused",
                    Map.of("name", "old"),
                    "new secret value for apiKey (values never recorded)",
                    () -> {
                      throw new InvalidRequestException("name", "the name is taken");
                    },
                    r -> r))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the name is taken");

    AuditEntry e = latest("refused");
    assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(e.before()).isEqualTo("{\"name\": \"old\"}");
    assertThat(e.after()).isNull();
    assertThat(e.detail())
        .isEqualTo("new secret value for apiKey (values never recorded); the name is taken");
  }

  @Test
  void shouldRecordAFailureByItsKindOnly() {
    assertThatThrownBy(
            () ->
                trail.change(
                    AuditAction.INTEL_IMPORT,
                    "failed",
                    null,
                    null,
                    () -> {
                      throw new IllegalStateException("driver said: password=hunter2");
                    },
                    r -> r))
        .isInstanceOf(IllegalStateException.class);

    AuditEntry e = latest("failed");
    assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(e.detail()).contains("IllegalStateException").doesNotContain("hunter2");
  }

  @Test
  void shouldRecordWhatTheChangeAnsweredMasked() {
    String answer =
        trail.change(
            AuditAction.CONNECTOR_CREATE,
            "created",
            null,
            null,
            () -> "done",
            r -> Map.of("auth", Map.of("clientId", "cid", "clientSecret", "leaked-if-unmasked")));

    assertThat(answer).isEqualTo("done");
    AuditEntry e = latest("created");
    assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(e.after()).contains("cid").doesNotContain("leaked-if-unmasked");
  }

  @Test
  void shouldFailLoudlyWhenTheEntryCannotBeWritten() {
    AuditTrail broken =
        new AuditTrail(
            new AuditLog(new Jdbc(new UnreachableDatabase()), Clock.systemUTC()),
            JsonMapper.builder().build());

    assertThatThrownBy(
            () ->
                broken.change(
                    AuditAction.SCORING_WEIGHTS, "lost?", null, null, () -> "saved", r -> r))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not be recorded in the audit log");
  }

  /** A database that cannot be reached: every connection is refused. */
  private static final class UnreachableDatabase implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("connection refused", "08001");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
