package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import dev.sightline.server.boot.AccessSettings;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full run of the product with known secrets in every place a secret goes (connector secrets, a
 * rotated one, a wrong one, passwords, a wrong password, tokens, the master key), then a search for
 * each of them in every API answer, every log line with its stack traces, and the console output.
 */
class SecretSweepEndToEndIT {
  private static final String CS_SECRET = "sweep-cs-secret-Q7w2x9";
  private static final String CS_ROTATED = "sweep-cs-rotated-P9x4v1";
  private static final String CS_WRONG = "sweep-cs-wrong-Z3k8m5";
  private static final String CORTEX_KEY = "sweepCortexKeyM5n1b7c3d9e2f4a6h8j0k2l4";
  private static final String ADMIN_PASSWORD = "sweep-root-Passphrase-2x";
  private static final String USER_PASSWORD = "sweep-user-Passphrase-4y";
  private static final String NEW_PASSWORD = "sweep-user-Passphrase-8w";
  private static final String WRONG_PASSWORD = "sweep-wrong-Passphrase-6z";

  private final List<String> answers = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();

  @Test
  void noSecretAppearsInAnyAnswerLogLineOrConsoleOutput() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    Capture capture = new Capture(logLines);
    List<String> secrets = new ArrayList<>(List.of(CS_SECRET, CS_ROTATED, CS_WRONG, CORTEX_KEY));
    List<String> shownOnce = new ArrayList<>();
    secrets.addAll(List.of(ADMIN_PASSWORD, USER_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD));
    secrets.addAll(List.of(TestServer.TOKEN, "test-master-key"));
    try (CrowdStrikeSimulator falcon =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(40)
                    .withCredentials("sweep-client", CS_SECRET));
        CortexXdrSimulator cortex =
            CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(40).withKey(CORTEX_KEY))) {
      System.setOut(new PrintStream(new Tee(realOut, console), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(realErr, console), true, StandardCharsets.UTF_8));
      capture.attach();
      try (TestServer server =
          new TestServer(
              "127.0.0.1",
              Optional.of(falcon.caCertificatePem() + "\n" + cortex.caCertificatePem()),
              s -> s.withAccess(AccessSettings.none().withAdminPassword(ADMIN_PASSWORD)))) {
        shownOnce.addAll(fullRun(server, falcon, cortex));
      }
    } finally {
      capture.detach();
      System.setOut(realOut);
      System.setErr(realErr);
    }

    assertThat(answers).as("answers captured").hasSizeGreaterThan(30);
    assertThat(logLines).as("log lines captured").isNotEmpty();
    String consoleText = console.toString(StandardCharsets.UTF_8);
    for (String token : shownOnce) {
      assertThat(answers.stream().filter(a -> a.contains(token)))
          .as("a token is in the one answer that issues it, and in no other")
          .hasSize(1);
      assertThat(logLines).as("log lines").noneMatch(l -> l.contains(token));
      assertThat(consoleText).as("console output").doesNotContain(token);
    }
    for (String secret : secrets) {
      assertThat(answers).as("API answers").noneMatch(a -> a.contains(secret));
      assertThat(logLines).as("log lines").noneMatch(l -> l.contains(secret));
      assertThat(consoleText).as("console output").doesNotContain(secret);
    }
  }

  /** Everything a user does in a first week; the tokens it issued, to search for too. */
  private List<String> fullRun(
      TestServer server, CrowdStrikeSimulator falcon, CortexXdrSimulator cortex) {
    List<String> issued = new ArrayList<>();
    Accounts accounts = new Accounts(server);
    // People and tokens.
    String analystId =
        keep(server.post(
                "/api/v1/users",
                Map.of("username", "sweep-analyst", "password", USER_PASSWORD, "role", "ANALYST")))
            .json()
            .path("id")
            .asText();
    TestServer.Response token =
        keep(server.post("/api/v1/users/" + analystId + "/tokens", Map.of("name", "sweep")));
    issued.add(token.json().path("token").asText());
    TestServer.Response own = keep(server.post("/api/v1/tokens", Map.of("name", "admin-own")));
    issued.add(own.json().path("token").asText());
    keep(
        server.post(
            "/api/v1/session", Map.of("username", "sweep-analyst", "password", WRONG_PASSWORD)));
    keep(server.post("/api/v1/session", Map.of("username", "admin", "password", ADMIN_PASSWORD)));
    keep(server.patch("/api/v1/users/" + analystId, Map.of("password", NEW_PASSWORD)));
    keep(server.patch("/api/v1/users/" + analystId, Map.of("password", "short")));

    // Connectors: a failed draft test with a wrong secret, two good ones, a sync each.
    Map<String, Object> wrongAuth =
        Map.of(
            "url",
            falcon.baseUrl().toString(),
            "clientId",
            "sweep-client",
            "clientSecret",
            CS_WRONG);
    keep(
        server.post(
            "/api/v1/connectors/test",
            Map.of("type", "crowdstrike", "name", "w", "auth", wrongAuth)));
    keep(
        server.post(
            "/api/v1/connectors", Map.of("type", "crowdstrike", "name", "w", "auth", wrongAuth)));
    String cs =
        keep(server.post(
                "/api/v1/connectors",
                Map.of(
                    "type", "crowdstrike",
                    "name", "Falcon sweep",
                    "auth",
                        Map.of(
                            "url",
                            falcon.baseUrl().toString(),
                            "clientId",
                            "sweep-client",
                            "clientSecret",
                            CS_SECRET))))
            .json()
            .path("id")
            .asText();
    Map<String, Object> cortexAuth = new HashMap<>();
    cortexAuth.put("url", cortex.baseUrl().toString());
    cortexAuth.put("apiKeyId", cortex.options().keyId());
    cortexAuth.put("apiKey", CORTEX_KEY);
    cortexAuth.put("securityLevel", cortex.options().security().wire());
    String cx =
        keep(server.post(
                "/api/v1/connectors",
                Map.of("type", "cortex-xdr", "name", "Cortex sweep", "auth", cortexAuth)))
            .json()
            .path("id")
            .asText();
    for (String id : List.of(cs, cx)) {
      answers.add(server.runToEnd(id).toString());
    }
    // A rotation to a secret the vendor refuses: the test and the run fail, saying why.
    keep(
        server.patch(
            "/api/v1/connectors/" + cs, Map.of("auth", Map.of("clientSecret", CS_ROTATED))));
    keep(server.post("/api/v1/connectors/" + cs + "/test", ""));
    TestServer.Response started = keep(server.post("/api/v1/connectors/" + cs + "/runs", ""));
    String failedRun = started.json().path("runId").asText();
    answers.add(server.awaitRun(failedRun).toString());

    // Read everything back, as each kind of user would.
    for (String path :
        List.of(
            "/api/v1/connectors",
            "/api/v1/connectors/" + cs,
            "/api/v1/connectors/" + cx,
            "/api/v1/connectors/" + cs + "/states",
            "/api/v1/connectors/" + cs + "/runs",
            "/api/v1/connectors/" + cx + "/runs",
            "/api/v1/runs/" + failedRun,
            "/api/v1/runs/" + failedRun + "/log",
            "/api/v1/users",
            "/api/v1/users/" + analystId + "/tokens",
            "/api/v1/tokens",
            "/api/v1/session",
            "/api/v1/audit?size=500",
            "/api/v1/assets?size=50",
            "/api/v1/findings?size=50",
            "/v3/api-docs",
            "/actuator/prometheus")) {
      keep(server.get(path));
    }
    for (String id : List.of(cs, cx)) {
      for (var run : server.get("/api/v1/connectors/" + id + "/runs").json()) {
        String runId = run.path("runId").asText(run.path("id").asText());
        keep(server.get("/api/v1/runs/" + runId + "/log"));
        keep(server.get("/api/v1/runs/" + runId + "/rejections"));
      }
    }
    keep(server.sendAs(issued.get(0), HttpRequest.newBuilder(server.uri("/api/v1/session"))));
    keep(
        server.delete(
            "/api/v1/users/" + analystId + "/tokens/" + token.json().path("id").asText()));
    keep(server.sendAs(issued.get(0), HttpRequest.newBuilder(server.uri("/api/v1/assets"))));
    keep(server.delete("/api/v1/connectors/" + cx + "?data=purge"));
    accounts.user("sweep-late", "AUDITOR");
    return issued;
  }

  private TestServer.Response keep(TestServer.Response response) {
    answers.add(response.status() + " " + response.text());
    return response;
  }

  /** Every log event of the product, formatted with its arguments and whole stack traces. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    private final ConcurrentLinkedQueue<String> lines;
    private final Logger root =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger ours =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.sightline");
    private Level oursBefore;

    Capture(ConcurrentLinkedQueue<String> lines) {
      this.lines = lines;
    }

    void attach() {
      setContext((LoggerContext) LoggerFactory.getILoggerFactory());
      start();
      root.addAppender(this);
      oursBefore = ours.getLevel();
      ours.setLevel(Level.DEBUG); // what an operator turning on debugging would see
    }

    void detach() {
      root.detachAppender(this);
      ours.setLevel(oursBefore);
      stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLoggerName().startsWith("dev.sightline.simulators")) {
        return; // the vendor's side of the wire, not the product
      }
      StringBuilder line = new StringBuilder(event.getFormattedMessage());
      event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          line.append("\n\t").append(frame.getSTEAsString());
        }
      }
      lines.add(line.toString());
    }
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream first;
    private final java.io.OutputStream second;

    Tee(java.io.OutputStream first, java.io.OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
