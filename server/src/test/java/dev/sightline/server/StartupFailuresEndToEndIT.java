package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.MasterKeys;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.server.boot.DataDirectoryLock;
import dev.sightline.server.boot.SchemaMigrations;
import dev.sightline.server.cli.SightlineMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every known cause of a failed `sightline serve`, each started as a user starts it (its own JVM,
 * the settings in its environment): the process ends with status 1 and prints one line on stderr,
 * {@code sightline: <cause>. To fix: <fix>}, and no stack trace, on stdout or stderr, unless asked
 * for with {@code --debug}. One PostgreSQL serves the causes that need a database, each in its own
 * database.
 */
class StartupFailuresEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB_PASSWORD = "the-right-password-42";

  private static EmbeddedPostgres postgres;
  private static Path pgData;

  @TempDir Path dir;

  record Result(int exit, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    pgData = Files.createTempDirectory("startup-failures-pg");
    postgres =
        EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true).start();
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE ROLE sightline LOGIN SUPERUSER PASSWORD '" + DB_PASSWORD + "'");
    }
    // The role signs in with its password over TCP; everyone else keeps the embedded trust.
    Path hba = pgData.resolve("pg_hba.conf");
    Files.writeString(
        hba, "host all sightline 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  // ---- before anything starts --------------------------------------------------------------

  @Test
  void shouldSayThePortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result r = serve(Map.of(), taken.getLocalPort());

      assertOneLine(r, "Port " + taken.getLocalPort() + " is already in use", "--port");
    }
  }

  @Test
  void shouldPrintTheStackTraceOnlyWithDebug() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result r = run(Map.of(), "serve", "--port", String.valueOf(taken.getLocalPort()), "--debug");

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.stderr().lines().findFirst().orElse(""))
          .startsWith("sightline: Port " + taken.getLocalPort() + " is already in use");
      assertThat(r.stderr()).contains("\tat dev.sightline.server.boot.StartupChecks");
    }
  }

  @Test
  void shouldSayTheDataDirectoryCannotBeWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "a file");

    Result r = serve(Map.of("SIGHTLINE_DATA_DIR", file.toString()), 0);

    assertOneLine(r, "The data directory " + file + " is a file", "SIGHTLINE_DATA_DIR");
  }

  @Test
  void shouldSayTheExtraCaFileIsNotPem() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "this is no certificate\n");

    Result r = serve(Map.of("SIGHTLINE_EXTRA_CA_FILE", ca.toString()), 0);

    assertOneLine(r, "SIGHTLINE_EXTRA_CA_FILE " + ca, "-----BEGIN CERTIFICATE-----");
  }

  @Test
  void shouldSayTheExtraCaFileCannotBeRead() {
    Path missing = dir.resolve("no-such-ca.pem");

    Result r = serve(Map.of("SIGHTLINE_EXTRA_CA_FILE", missing.toString()), 0);

    assertOneLine(r, "SIGHTLINE_EXTRA_CA_FILE names " + missing, "cannot be read");
  }

  @Test
  void shouldSayATlsKeyDoesNotBelongToItsCertificate() throws Exception {
    KeyPair certified = keys();
    Path cert = Files.writeString(dir.resolve("cert.pem"), pem(selfSigned(certified)));
    Path otherKey = Files.writeString(dir.resolve("key.pem"), pem(keys().getPrivate()));

    Result r =
        serve(
            Map.of(
                "SIGHTLINE_TLS_CERT_FILE", cert.toString(),
                "SIGHTLINE_TLS_KEY_FILE", otherKey.toString()),
            0);

    assertOneLine(r, "is not the key of the certificate", "SIGHTLINE_TLS_KEY_FILE");
  }

  @Test
  void shouldSayATlsFileIsNotPemOrMissing() throws Exception {
    Path key = Files.writeString(dir.resolve("key.pem"), pem(keys().getPrivate()));
    Path garbage = Files.writeString(dir.resolve("cert.pem"), "not a certificate");

    assertOneLine(
        serve(
            Map.of(
                "SIGHTLINE_TLS_CERT_FILE", garbage.toString(),
                "SIGHTLINE_TLS_KEY_FILE", key.toString()),
            0),
        "SIGHTLINE_TLS_CERT_FILE " + garbage + " cannot be read as PEM certificates");
    assertOneLine(
        serve(Map.of("SIGHTLINE_TLS_KEY_FILE", key.toString()), 0),
        "SIGHTLINE_TLS_KEY_FILE is set but SIGHTLINE_TLS_CERT_FILE is not");
  }

  @Test
  void shouldSayWhichSettingIsWrong() {
    Result r = serve(Map.of("SIGHTLINE_WORKERS", "many"), 0);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr().strip())
        .startsWith("sightline: SIGHTLINE_WORKERS is 'many': set it to a whole number");
    assertThat(r.all()).doesNotContain("\tat ");
  }

  // ---- the data directory and the database -------------------------------------------------

  @Test
  void shouldSayTheDataDirectoryIsInUse() throws Exception {
    Path data = dir.resolve("data");
    try (DataDirectoryLock held = DataDirectoryLock.claim(data)) {
      Result r = serve(Map.of("SIGHTLINE_DATA_DIR", data.toString()), 0);

      assertOneLine(
          r,
          "The data directory "
              + data
              + " is in use by another Sightline process (pid "
              + ProcessHandle.current().pid()
              + ")",
          "stop that process");
    }
  }

  @Test
  void shouldSayTheDatabaseCannotBeReached() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }

    Result r =
        serve(
            Map.of("SIGHTLINE_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/sightline"), 0);

    assertOneLine(r, "Cannot reach the PostgreSQL of SIGHTLINE_DB_URL", "start that PostgreSQL");
  }

  @Test
  void shouldSayTheDatabaseRefusedThePassword() {
    Result r =
        serve(
            Map.of(
                "SIGHTLINE_DB_URL", url("postgres"),
                "SIGHTLINE_DB_USER", "sightline",
                "SIGHTLINE_DB_PASSWORD", "a-wrong-password"),
            0);

    assertOneLine(
        r, "refused user sightline", "password authentication failed", "SIGHTLINE_DB_PASSWORD");
    assertThat(r.all()).doesNotContain("a-wrong-password").doesNotContain(DB_PASSWORD);
  }

  @Test
  void shouldRefuseADatabaseWithANewerSchemaNamingBothVersions() throws Exception {
    String known;
    try (HikariDataSource db = database("newer_schema")) {
      known = SchemaMigrations.apply(db);
      // What a later Sightline leaves: one more migration in the history.
      new Jdbc(db)
          .update(
              "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                  + " script, checksum, installed_by, execution_time, success)"
                  + " SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL',"
                  + " 'V999__from_the_future.sql', 0, 'test', 1, true FROM flyway_schema_history");
    }

    // Logs for machines asked for, too: every line on stdout one JSON object (ECS).
    Result r =
        serve(
            Map.of(
                "SIGHTLINE_DB_URL", url("newer_schema"),
                "SIGHTLINE_DB_USER", "postgres",
                "SIGHTLINE_LOG_FORMAT", "json"),
            0);

    List<JsonNode> events = new ArrayList<>();
    for (String line : r.stdout().lines().filter(l -> !l.isBlank()).toList()) {
      events.add(JSON.readTree(line));
    }
    assertThat(events)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("@timestamp").asText()).isNotEmpty())
        .anySatisfy(
            e -> {
              assertThat(e.path("message").asText())
                  .isEqualTo("Using the external PostgreSQL from SIGHTLINE_DB_URL");
              assertThat(e.path("log").path("level").asText()).isEqualTo("INFO");
              assertThat(e.path("ecs").path("version").asText()).isNotEmpty();
            });
    assertOneLine(
        r,
        "The database's schema is at version 999, newer than this Sightline's schema version "
            + known,
        "run the newer Sightline");
  }

  @Test
  void shouldRefuseToStartWithoutTheMasterKeyOfTheStoredSecrets() throws Exception {
    try (HikariDataSource db = database("sealed_secrets")) {
      SchemaMigrations.apply(db);
      storeAConnector(db, "the-key-of-this-cluster");
    }
    Path freshData = dir.resolve("fresh-data");

    Result missing =
        serve(
            Map.of(
                "SIGHTLINE_DB_URL", url("sealed_secrets"),
                "SIGHTLINE_DB_USER", "postgres",
                "SIGHTLINE_DATA_DIR", freshData.toString()),
            0);

    assertOneLine(
        missing,
        "there is no master key to open them",
        "SIGHTLINE_MASTER_KEY is not set",
        "set SIGHTLINE_MASTER_KEY");
    // Without SIGHTLINE_LOG_FORMAT the log stays the human-readable lines.
    assertThat(missing.stdout())
        .contains("INFO ")
        .contains("Using the external PostgreSQL from SIGHTLINE_DB_URL")
        .doesNotContain("\"@timestamp\"");
    assertThat(freshData.resolve(MasterKeys.KEY_FILE))
        .as("no new key is made for a database sealed with another")
        .doesNotExist();

    Result wrong =
        serve(
            Map.of(
                "SIGHTLINE_DB_URL", url("sealed_secrets"),
                "SIGHTLINE_DB_USER", "postgres",
                "SIGHTLINE_MASTER_KEY", "not-the-key-of-this-cluster"),
            0);

    assertOneLine(wrong, "The master key in SIGHTLINE_MASTER_KEY does not open");
    assertThat(wrong.all()).doesNotContain("not-the-key-of-this-cluster");
  }

  // ---- logs for machines -------------------------------------------------------------------

  @Test
  void shouldRefuseAnUnknownLogFormat() {
    assertOneLine(serve(Map.of("SIGHTLINE_LOG_FORMAT", "xml"), 0), "SIGHTLINE_LOG_FORMAT is 'xml'");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static void assertOneLine(Result r, String... fragments) {
    assertThat(r.exit()).as("exit status; output:%n%s", r.all()).isEqualTo(1);
    List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("stderr; stdout was:%n%s", r.stdout()).hasSize(1);
    assertThat(lines.get(0)).startsWith("sightline: ").contains(". To fix: ").contains(fragments);
    assertThat(r.all())
        .as("no stack trace, no second report of the same failure")
        .doesNotContain("\tat ")
        .doesNotContain("APPLICATION FAILED TO START")
        .doesNotContain("Exception encountered during context initialization")
        .doesNotContain(" ERROR ");
  }

  /** `sightline serve` in its own JVM, with the test's data directory unless one is given. */
  private Result serve(Map<String, String> env, int port) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("SIGHTLINE_DATA_DIR", dir.resolve("data").toString());
    return run(all, "serve", "--port", String.valueOf(port));
  }

  private Result run(Map<String, String> env, String... args) {
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SightlineMain.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().keySet().removeIf(k -> k.startsWith("SIGHTLINE_"));
      pb.environment().putAll(env);
      Path out = Files.createTempFile(dir, "stdout", ".log");
      Path err = Files.createTempFile(dir, "stderr", ".log");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("the server did not stop within 90 s: " + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  /** A database of its own, and a pool on it as the superuser. */
  private static HikariDataSource database(String name) throws Exception {
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** A connector as a server sealing with {@code masterKey} stores it. */
  private static void storeAConnector(DataSource db, String masterKey) {
    Jdbc jdbc = new Jdbc(db);
    new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(MasterKeys.resolve(Optional.of(masterKey), Path.of("unused"))),
            TargetPolicy.fromList("127.0.0.1"),
            Clock.systemUTC())
        .register(
            new NewConnector(
                "crowdstrike",
                "Falcon",
                "sealed with the cluster's key",
                Map.of(
                    "url", "https://127.0.0.1:9",
                    "clientId", "client",
                    "clientSecret", "a-sealed-secret"),
                null));
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate selfSigned(KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=sightline.test");
    Instant now = Instant.now();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)),
                    name,
                    keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  private static String pem(X509Certificate cert) throws Exception {
    return pem("CERTIFICATE", cert.getEncoded());
  }

  private static String pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
