package dev.sightline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.sightline.simulators.server.SimulatorServer;
import dev.sightline.simulators.tls.LoopbackCertificates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sightline intel update} as a user runs it: settings from the environment, the feeds over
 * HTTPS from a local server whose CA is given in SIGHTLINE_EXTRA_CA_FILE, a real PostgreSQL; one
 * line per feed and the exit code.
 */
class IntelUpdateCommandIT {
  private static final String KEV =
      """
      {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.01.10",
       "dateReleased": "2026-01-10T12:00:00.000Z", "count": 1, "vulnerabilities": [
        {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
         "vulnerabilityName": "Apache Log4j2 Remote Code Execution Vulnerability",
         "dateAdded": "2021-12-10", "shortDescription": "JNDI features ...",
         "requiredAction": "Apply updates.", "dueDate": "2021-12-24",
         "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": ["CWE-20"]}]}
      """;
  private static final String EPSS =
      """
      #model_version:v2025.03.14,score_date:2026-01-14T00:00:00+0000
      cve,epss,percentile
      CVE-2021-44228,0.94358,0.99957
      CVE-2019-0001,0.01000,0.50000
      """;
  private static final String NVD =
      """
      {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE",
       "version": "2.0", "timestamp": "2026-01-15T09:00:00.000", "vulnerabilities": [
        {"cve": {"id": "CVE-2021-44228", "published": "2021-12-10T10:15:09.143",
         "lastModified": "2025-10-27T17:40:33.820", "vulnStatus": "Analyzed",
         "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary",
          "cvssData": {"version": "3.1", "baseScore": 10.0,
           "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}}]}}}]}
      """;

  private static EmbeddedPostgres postgres;
  private static SimulatorServer feeds;
  private static String caPem;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    LoopbackCertificates certificates = LoopbackCertificates.generate("Intel feeds");
    caPem = certificates.caCertificatePem();
    feeds =
        SimulatorServer.start(
            "intel", 0, certificates, IntelUpdateCommandIT::serve, Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws IOException {
    feeds.close();
    postgres.close();
  }

  /** KEV with an ETag, EPSS gzipped with a Last-Modified, one page of NVD changes. */
  private static void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    switch (path) {
      case "/kev.json" -> {
        if ("\"kev-1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          exchange.close();
          return;
        }
        exchange.getResponseHeaders().add("ETag", "\"kev-1\"");
        body = KEV.getBytes(StandardCharsets.UTF_8);
      }
      case "/epss.csv.gz" -> {
        String stamp = "Wed, 14 Jan 2026 06:00:00 GMT";
        if (stamp.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
          exchange.sendResponseHeaders(304, -1);
          exchange.close();
          return;
        }
        exchange.getResponseHeaders().add("Last-Modified", stamp);
        body = gzip(EPSS);
      }
      case "/rest/json/cves/2.0" -> body = NVD.getBytes(StandardCharsets.UTF_8);
      default -> body = null;
    }
    if (body == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** What one run of the command printed and returned. */
  private record Run(int exit, List<String> out, String err) {}

  private Run run(Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new CommandLine(
                new IntelCommand.Update(
                    env,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute();
    return new Run(
        exit,
        out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8));
  }

  private Map<String, String> environment(String database) throws IOException, SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    Path ca = dir.resolve("feeds-ca.pem");
    Files.writeString(ca, caPem);
    Map<String, String> env = new HashMap<>();
    env.put("SIGHTLINE_DATA_DIR", dir.resolve("data").toString());
    env.put("SIGHTLINE_DB_URL", postgres.getJdbcUrl("postgres", database));
    env.put("SIGHTLINE_EXTRA_CA_FILE", ca.toString());
    env.put("SIGHTLINE_ALLOWED_TARGETS", "127.0.0.1");
    env.put("SIGHTLINE_INTEL_KEV_URL", feeds.baseUrl() + "/kev.json");
    env.put("SIGHTLINE_INTEL_EPSS_URL", feeds.baseUrl() + "/epss.csv.gz");
    env.put("SIGHTLINE_INTEL_NVD_URL", feeds.baseUrl() + "/rest/json/cves/2.0");
    return env;
  }

  private long loads(String database, String source) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM intel_load WHERE source = '" + source + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void shouldPrintOneLinePerFeedThenFindTheFilesUnchanged() throws Exception {
    Map<String, String> env = environment("intel_update_twice");

    Run first = run(env);

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out().subList(0, 3))
        .satisfiesExactly(
            kev ->
                assertThat(kev)
                    .startsWith("KEV  fetched 1 records from " + feeds.baseUrl() + "/kev.json")
                    .contains("version 2026.01.10"),
            epss ->
                assertThat(epss)
                    .startsWith("EPSS fetched 2 records from " + feeds.baseUrl() + "/epss.csv.gz")
                    .contains("version v2025.03.14"),
            nvd ->
                assertThat(nvd)
                    .startsWith(
                        "NVD  fetched 1 records from " + feeds.baseUrl() + "/rest/json/cves/2.0")
                    .contains("in 1 page; the first update reads the last 7 days only"));

    Run second = run(env);

    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out().subList(0, 2))
        .containsExactly(
            "KEV  unchanged (304 Not Modified since the last fetch from "
                + feeds.baseUrl()
                + "/kev.json)",
            "EPSS unchanged (304 Not Modified since the last fetch from "
                + feeds.baseUrl()
                + "/epss.csv.gz)");
    assertThat(second.out().get(2)).startsWith("NVD  fetched 1 records");
    assertThat(List.of(loads("intel_update_twice", "KEV"), loads("intel_update_twice", "EPSS")))
        .containsExactly(1L, 1L);
    assertThat(loads("intel_update_twice", "NVD")).isEqualTo(2);
  }

  @Test
  void shouldExitNonZeroNamingTheFeedThatFailedWhileTheOthersLoad() throws Exception {
    Map<String, String> env = environment("intel_update_failing");
    env.put("SIGHTLINE_INTEL_EPSS_URL", feeds.baseUrl() + "/moved-away.csv.gz");

    Run run = run(env);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().get(1))
        .isEqualTo(
            "EPSS failed: "
                + feeds.baseUrl()
                + "/moved-away.csv.gz answered HTTP 404: there is no feed at that URL; check"
                + " SIGHTLINE_INTEL_EPSS_URL (unset it to use the publisher's URL)");
    assertThat(run.out().get(0)).startsWith("KEV  fetched 1 records");
    assertThat(run.out().get(2)).startsWith("NVD  fetched 1 records");
    assertThat(run.err())
        .contains("1 of 3 feed(s) failed (see their lines); the others are up to date");
    assertThat(loads("intel_update_failing", "EPSS")).isZero();
    assertThat(loads("intel_update_failing", "KEV")).isOne();
  }

  @Test
  void shouldRefuseAFeedUrlThatIsNotAUrl() throws Exception {
    Map<String, String> env = environment("intel_update_bad_setting");
    env.put("SIGHTLINE_INTEL_KEV_URL", "kev file please");

    Run run = run(env);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("sightline intel update: SIGHTLINE_INTEL_KEV_URL is not a URL")
        .contains("set it to an https:// URL such as https://www.cisa.gov/");
  }
}
