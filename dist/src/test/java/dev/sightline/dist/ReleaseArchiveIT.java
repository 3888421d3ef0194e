package dev.sightline.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The release archive this very build made, used as an administrator would: unpacked into a
 * directory outside the checkout and run with no Maven at hand (a stand-in {@code mvn} and {@code
 * mvnw} first on {@code PATH} records any call, and the test fails if there was one). Its simulator
 * and its server run as their own processes on an external PostgreSQL; a sync stores the simulated
 * tenant, and {@code /api/v1/about} names the archive's version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseArchiveIT {
  private static final String TOKEN = "release-archive-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_WAIT = Duration.ofSeconds(120);

  private final String version = System.getProperty("sightline.version");
  private final Path archive = Path.of(System.getProperty("sightline.archive"));
  private final List<Process> processes = new ArrayList<>();
  private Path work;
  private Path home;
  private Path mavenCalls;
  private Map<String, String> noMaven;
  private EmbeddedPostgres postgres;

  @BeforeAll
  void unpack() throws Exception {
    work = Files.createTempDirectory("sightline-release-");
    run(List.of("tar", "-xzf", archive.toString(), "-C", work.toString()), Map.of(), work);
    home = work.resolve("sightline-" + version);
    Path trap = Files.createDirectories(work.resolve("no-maven"));
    mavenCalls = work.resolve("maven-was-called");
    for (String name : List.of("mvn", "mvnw")) {
      Path stub = trap.resolve(name);
      Files.writeString(stub, "#!/bin/sh\necho \"$0 $*\" >> " + mavenCalls + "\nexit 97\n");
      stub.toFile().setExecutable(true);
    }
    noMaven = new HashMap<>();
    noMaven.put("PATH", trap + File.pathSeparator + System.getenv("PATH"));
  }

  @AfterAll
  void stop() throws IOException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  void shouldUnpackToOneDirectoryWithLauncherJarSettingsAndDeploymentFiles() throws Exception {
    assertThat(home.resolve("bin/sightline")).isExecutable();
    assertThat(home.resolve("lib/sightline-server.jar")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(Files.readString(home.resolve("THIRD-PARTY.txt")))
        .contains("org.springframework.boot:spring-boot:")
        .contains("Apache License");
    assertThat(home.resolve("deploy/sightline.service")).isRegularFile();
    assertThat(home.resolve("deploy/Dockerfile")).isRegularFile();
    assertThat(home.resolve("deploy/compose.yaml")).isRegularFile();
    // Every setting is there, commented out with its default: nothing is set by the file itself.
    List<String> settings = Files.readAllLines(home.resolve("conf/sightline.env"));
    assertThat(settings).contains("#SIGHTLINE_DATA_DIR=./.sightline", "#SIGHTLINE_WORKERS=2");
    assertThat(settings).allMatch(line -> line.isBlank() || line.startsWith("#"));
  }

  @Test
  void shouldPrintItsVersionCommitAndBuildDate() throws Exception {
    String out = run(List.of("bin/sightline", "--version"), noMaven, home);
    assertThat(out).contains("Sightline " + version).contains("commit ").contains("built 20");
  }

  @Test
  void shouldTellWhenJavaIsTooOld() throws Exception {
    Path fakeJava = Files.createDirectories(work.resolve("old-java/bin")).resolve("java");
    Files.writeString(
        fakeJava, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 0\n");
    fakeJava.toFile().setExecutable(true);
    Map<String, String> env = new HashMap<>(noMaven);
    env.put("JAVA_HOME", work.resolve("old-java").toString());
    Result r = exec(List.of("bin/sightline", "--version"), env, home);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("Java 11.0.22").contains("needs Java 17 or newer");
  }

  @Test
  void shouldServeSyncAndAnswerAboutFromTheArchiveOnExternalPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    int simPort = freePort();
    Path ca = work.resolve("sim-ca.pem");
    start(
        "simulate",
        List.of(
            "bin/sightline",
            "simulate",
            "crowdstrike",
            "--port",
            String.valueOf(simPort),
            "--hosts",
            "25",
            "--ca-out",
            ca.toString()),
        noMaven);
    URI sim = URI.create("https://127.0.0.1:" + simPort);
    waitFor("the archive's simulator", () -> Files.exists(ca) && Files.size(ca) > 0);
    HttpClient simClient = HttpClient.newBuilder().sslContext(trusting(ca)).build();
    JsonNode manifest =
        waitFor(
            "the simulator's manifest",
            () -> {
              var r = simClient.send(get(sim.resolve("/_sim/manifest")), body());
              return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            });

    int port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    Map<String, String> env = new HashMap<>(noMaven);
    env.put("SIGHTLINE_ADMIN_TOKEN", TOKEN);
    env.put("SIGHTLINE_ALLOWED_TARGETS", "127.0.0.1");
    env.put("SIGHTLINE_EXTRA_CA_FILE", ca.toString());
    env.put("SIGHTLINE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
    env.put("SIGHTLINE_DATA_DIR", work.resolve("data").toString());
    env.put("SIGHTLINE_MASTER_KEY", "release-archive-master-key-0123456789");
    start("serve", List.of("bin/sightline", "serve", "--port", String.valueOf(port)), env);
    HttpClient http = HttpClient.newHttpClient();
    waitFor(
        "the archive's server",
        () ->
            http.send(authed(base.resolve("/api/v1/connectors")).build(), body()).statusCode()
                == 200);

    String create =
        JSON.writeValueAsString(
            Map.of(
                "type",
                "crowdstrike",
                "name",
                "release",
                "auth",
                Map.of(
                    "url",
                    sim.toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    var created =
        http.send(
            authed(base.resolve("/api/v1/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(create))
                .build(),
            body());
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    String connectorId = JSON.readTree(created.body()).get("id").asText();
    String runId =
        waitFor(
            "a run to start",
            () -> {
              var r =
                  http.send(
                      authed(base.resolve("/api/v1/connectors/" + connectorId + "/runs"))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString("{}"))
                          .build(),
                      body());
              // 409: a run is already going (a schedule may fire at creation): try again.
              return r.statusCode() / 100 == 2
                  ? JSON.readTree(r.body()).get("runId").asText()
                  : null;
            });
    JsonNode run =
        waitFor(
            "the run to finish",
            () -> {
              JsonNode r = getJson(http, base.resolve("/api/v1/runs/" + runId));
              String state = r.path("state").asText();
              String findings = r.path("findingsState").asText();
              boolean over = state.equals("PROCESSED") || state.equals("ERRORED");
              return over && !findings.equals("PENDING") && !findings.equals("PROCESSING")
                  ? r
                  : null;
            });
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    int expected = manifest.get("hosts").asInt() + manifest.path("unmanagedAssets").asInt(0);
    assertThat(
            getJson(http, base.resolve("/api/v1/assets?size=1&count=exact")).get("total").asInt())
        .isEqualTo(expected);

    JsonNode about = getJson(http, base.resolve("/api/v1/about"));
    assertThat(about.get("version").asText()).isEqualTo(version);
    assertThat(about.get("commit").asText()).isNotBlank();
    assertThat(Instant.parse(about.get("buildTime").asText())).isBefore(Instant.now());
    assertThat(about.get("schemaVersion").asText()).matches("\\d+(\\.\\d+)*");

    // The doctor, beside the running server with its settings, finds everything in order.
    Result doctor = exec(List.of("bin/sightline", "doctor"), env, home);
    assertThat(doctor.code()).as(doctor.output()).isZero();
    assertThat(doctor.output())
        .contains("✓ database")
        .contains("✓ schema: version " + about.get("schemaVersion").asText())
        .contains("✓ clock")
        .contains("✓ connector release (crowdstrike)")
        .doesNotContain("✗")
        // its lines only: the libraries' INFO logs stay out of it
        .doesNotContain(" INFO ");

    assertThat(mavenCalls).as("the archive called Maven").doesNotExist();
  }

  @Test
  void shouldShipASystemdUnitThatSystemdAcceptsOncePointedAtTheArchive() throws Exception {
    String unit = Files.readString(home.resolve("deploy/sightline.service"));
    assertThat(unit)
        .contains("StateDirectory=sightline")
        .contains("EnvironmentFile=/opt/sightline/conf/sightline.env")
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict")
        .contains("ProtectHome=yes")
        .contains("PrivateTmp=yes")
        .contains("Restart=on-failure")
        .containsPattern("(?m)^User=sightline$");
    Path probe = work.resolve("sightline.service");
    Files.writeString(
        probe,
        unit.replaceAll(
            "(?m)^(Exec\\w*=[-@:+!]*)\\S*?/bin/sightline", "$1" + home + "/bin/sightline"));
    Result verify = exec(List.of("systemd-analyze", "verify", probe.toString()), Map.of(), work);
    assertThat(verify.code()).as(verify.output()).isZero();
  }

  // --- helpers ---------------------------------------------------------------------------------

  record Result(int code, String output) {}

  private Result exec(List<String> command, Map<String, String> env, Path dir) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private String run(List<String> command, Map<String, String> env, Path dir) throws Exception {
    Result r = exec(command, env, dir);
    assertThat(r.code()).as(command + ": " + r.output()).isZero();
    return r.output();
  }

  private void start(String name, List<String> command, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".log").toFile());
    pb.environment().putAll(env);
    processes.add(pb.start());
  }

  private <T> T waitFor(String what, Callable<T> probe) throws Exception {
    Instant end = Instant.now().plus(START_WAIT);
    Exception last = null;
    while (Instant.now().isBefore(end)) {
      try {
        T value = probe.call();
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (IOException e) {
        last = e; // not up yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what + logs(), last);
  }

  private String logs() throws IOException {
    StringBuilder s = new StringBuilder();
    for (String name : List.of("simulate", "serve")) {
      Path log = work.resolve(name + ".log");
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log);
        s.append("\n--- ")
            .append(name)
            .append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
      }
    }
    return s.toString();
  }

  private static JsonNode getJson(HttpClient http, URI uri) throws Exception {
    var r = http.send(authed(uri).build(), body());
    assertThat(r.statusCode()).as(uri + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpRequest.Builder authed(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static SSLContext trusting(Path caPem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(caPem)) {
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, cert);
      }
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
