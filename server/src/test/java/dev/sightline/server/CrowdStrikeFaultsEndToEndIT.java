package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A faulty vendor must not change what is stored. For each fault the CrowdStrike simulator injects,
 * a sync through the real server either stores the tenant's exact totals or ends ERRORED with a
 * reason that names the fault; and a following clean run then reaches the exact totals, having
 * created each record once over both runs: nothing lost, nothing doubled.
 *
 * <p>One server serves every case; each case has its own tenant (its own machines, so no asset
 * correlates across cases) and connector, and counts only what that connector stored. Bursts start
 * at data call {@value #MID_CRAWL}, past the first pages of the crawl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrowdStrikeFaultsEndToEndIT {
  private static final int HOSTS = 60;
  private static final int PAGE_SIZE = 50;
  private static final int MID_CRAWL = 8;
  private static final String RANDOM = "random faults";
  private static final String MALFORMED = "malformed records";

  private final Map<String, CrowdStrikeSimulator> simulators = new LinkedHashMap<>();
  private TestServer server;

  /**
   * Every case's simulator starts first: each has its own CA, and the server trusts the extra CAs
   * it is started with.
   */
  @BeforeAll
  void start() throws Exception {
    int tenant = 0;
    for (Fault fault : faults().toList()) {
      tenant++;
      simulators.put(
          fault.name(),
          CrowdStrikeSimulator.start(
              CrowdStrikeSimulatorOptions.defaults(HOSTS)
                  .withSeed(1000 + tenant)
                  .withOffset(tenant * 10_000)
                  .withCursorTtl(fault.cursorTtl())
                  .withFaultSpec(fault.spec())));
    }
    simulators.put(
        RANDOM,
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(HOSTS)
                .withSeed(2000)
                .withOffset(500_000)
                .withFaultSpec("429:10%,5xx:8%,drop:6%,token-expiry:10")));
    simulators.put(
        MALFORMED,
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(60)
                .withSeed(3000)
                .withOffset(600_000)
                .withFaultSpec("malformed:2")));
    String cas =
        simulators.values().stream()
            .map(CrowdStrikeSimulator::caCertificatePem)
            .collect(Collectors.joining("\n"));
    server = new TestServer("127.0.0.1", Optional.of(cas), smallPages());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    simulators.values().forEach(CrowdStrikeSimulator::close);
  }

  /** What the faulty run is expected to end in. */
  record Outcome(String state, List<String> reasonParts) {
    static Outcome exactTotals() {
      return new Outcome("PROCESSED", List.of());
    }

    static Outcome errored(String... reasonParts) {
      return new Outcome("ERRORED", List.of(reasonParts));
    }
  }

  /**
   * One fault, as the simulator's {@code --faults} grammar (or its cursor life) injects it.
   *
   * @param faultStatus the status the fault answers with, or 0 for faults answered with a 200
   * @param faultAnswers how many answers with {@code faultStatus} the faulty run must show; -1 for
   *     "at least one"
   * @param repeatedCalls how many data calls the faulty run must repeat (its retries); -1 for "any"
   */
  record Fault(
      String name,
      String spec,
      Duration cursorTtl,
      Outcome outcome,
      int faultStatus,
      int faultAnswers,
      int repeatedCalls) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Fault> faults() {
    Duration life = Duration.ofSeconds(120);
    return Stream.of(
        new Fault(
            "429 storm shorter than the retries",
            "429-storm:3@" + MID_CRAWL,
            life,
            Outcome.exactTotals(),
            429,
            3,
            3),
        new Fault(
            "429 storm outlasting the retries",
            "429-storm:40@" + MID_CRAWL,
            life,
            Outcome.errored("rate limit was reached", "HTTP 429", "gave up after 8 attempts"),
            429,
            8,
            7),
        new Fault("5xx burst", "5xx-burst:3@" + MID_CRAWL, life, Outcome.exactTotals(), 500, 3, 3),
        new Fault(
            "connections dropped mid-body",
            "drop-mid-body:2@" + MID_CRAWL,
            life,
            Outcome.exactTotals(),
            0,
            0,
            2),
        new Fault(
            "truncated JSON bodies",
            "truncated:2@" + MID_CRAWL,
            life,
            Outcome.exactTotals(),
            0,
            0,
            2),
        new Fault(
            "after cursors expired on demand",
            "cursor-expiry:3@" + MID_CRAWL,
            life,
            Outcome.exactTotals(),
            404,
            3,
            -1),
        new Fault(
            "after cursors outlived by every page",
            "",
            Duration.ofMillis(1),
            Outcome.exactTotals(),
            404,
            -1,
            -1),
        new Fault(
            "token expiry mid-crawl", "token-expiry:5", life, Outcome.exactTotals(), 401, -1, -1),
        new Fault(
            "tokens dead on arrival",
            "token-expiry:1",
            life,
            Outcome.errored("rejected the access token twice", "HTTP 401"),
            401,
            -1,
            -1),
        new Fault("slow pages", "slow:25%:100ms", life, Outcome.exactTotals(), 0, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void shouldStoreTheExactTotalsOrErrorNamingTheFaultAndLoseNothing(Fault fault) {
    CrowdStrikeSimulator sim = simulators.get(fault.name());
    String connector = register(sim, fault.name(), true);

    JsonNode faulty = server.runToEnd(connector);

    assertThat(faulty.path("state").asText())
        .as(faulty.toString())
        .isEqualTo(fault.outcome().state());
    if (fault.outcome().state().equals("ERRORED")) {
      assertThat(faulty.path("error").asText())
          .contains(fault.outcome().reasonParts())
          .contains("To fix");
      assertThat(total("/api/v1/findings", connector))
          .as("the run stopped short of the end")
          .isLessThan(sim.manifest().path("vulnerabilities").asLong());
    } else {
      assertExactTotals(sim, connector);
    }
    List<RequestLog.Entry> calls = dataCalls(sim);
    if (fault.faultStatus() != 0) {
      long answered = calls.stream().filter(c -> isFault(c.status(), fault)).count();
      if (fault.faultAnswers() < 0) {
        assertThat(answered).as("the fault was served").isPositive();
      } else {
        assertThat(answered).as("the fault was served").isEqualTo(fault.faultAnswers());
      }
    }
    if (fault.repeatedCalls() >= 0) {
      assertThat(repeated(calls)).as("calls asked again").isEqualTo(fault.repeatedCalls());
    }

    sim.faults().clear();
    JsonNode clean = server.runToEnd(connector);

    assertThat(clean.path("state").asText()).as(clean.toString()).isEqualTo("PROCESSED");
    assertExactTotals(sim, connector);
    JsonNode m = sim.manifest();
    assertThat(created(faulty) + created(clean))
        .as("each record created once over both runs")
        .isEqualTo(
            m.path("agents").asLong()
                + m.path("unmanagedAssets").asLong()
                + m.path("vulnerabilities").asLong());
  }

  @Test
  void shouldStoreTheSameTotalsThroughRandom429s5xxDroppedConnectionsAndTokenExpiry() {
    CrowdStrikeSimulator sim = simulators.get(RANDOM);
    String connector = register(sim, "faulty falcon", false);

    JsonNode run = server.runToEnd(connector);

    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("PROCESSED");
    assertExactTotals(sim, connector);
    assertThat(dataCalls(sim))
        .extracting(RequestLog.Entry::status)
        .contains(401)
        .anyMatch(status -> status != 200 && status != 401);
  }

  @Test
  void shouldRejectAMalformedRecordWithItsReasonAndKeepGoing() {
    CrowdStrikeSimulator sim = simulators.get(MALFORMED);
    String connector = register(sim, "malformed falcon", true);

    JsonNode run = server.runToEnd(connector);

    assertThat(run.path("state").asText()).isEqualTo("PROCESSED");
    JsonNode c = run.path("counters");
    assertThat(c.path("rejected").asLong()).isPositive();
    assertThat(c.path("fetched").asLong())
        .isEqualTo(
            c.path("created").asLong()
                + c.path("updated").asLong()
                + c.path("unchanged").asLong()
                + c.path("rejected").asLong());
  }

  private static UnaryOperator<ServerSettings> smallPages() {
    return s ->
        new ServerSettings(
            s.port(),
            s.dataDir(),
            s.dbUrl(),
            s.dbUser(),
            s.dbPassword(),
            s.adminToken(),
            s.masterKey(),
            s.allowedTargets(),
            s.extraCaPem(),
            PAGE_SIZE,
            s.workers(),
            s.intelFeeds(),
            s.access());
  }

  /**
   * @param draft save without the connection test, whose probe reads would otherwise shift the data
   *     calls a burst is aimed at (and meet faults meant for the sync)
   */
  private String register(CrowdStrikeSimulator sim, String name, boolean draft) {
    var created =
        server.post(
            "/api/v1/connectors",
            Map.of(
                "type",
                "crowdstrike",
                "name",
                name,
                "draft",
                draft,
                "auth",
                Map.of(
                    "url",
                    sim.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  /** The tenant's exact totals, as CrowdStrikeEndToEndIT checks them, for this connector. */
  private void assertExactTotals(CrowdStrikeSimulator sim, String connector) {
    JsonNode m = sim.manifest();
    assertThat(total("/api/v1/assets", connector))
        .as("assets")
        .isEqualTo(m.path("hosts").asLong() + m.path("unmanagedAssets").asLong());
    assertThat(total("/api/v1/findings", connector))
        .as("findings")
        .isEqualTo(m.path("vulnerabilities").asLong());
    assertThat(total("/api/v1/detections", connector))
        .as("detections")
        .isEqualTo(m.path("vulnerabilities").asLong());
  }

  private long total(String path, String connector) {
    return server.get(path + "?size=1&connectorId=" + connector).json().path("total").asLong();
  }

  private static long created(JsonNode run) {
    return run.path("counters").path("created").asLong();
  }

  private static boolean isFault(int status, Fault fault) {
    return fault.faultStatus() == 500
        ? status == 500 || status == 503
        : status == fault.faultStatus();
  }

  /** The simulator's answers to data calls, without token and simulator-control calls. */
  private static List<RequestLog.Entry> dataCalls(CrowdStrikeSimulator sim) {
    return sim.requests().entries().stream()
        .filter(e -> !e.path().startsWith("/oauth2/") && !e.path().startsWith("/_sim/"))
        .toList();
  }

  /**
   * A 429 carries {@code X-RateLimit-RetryAfter}, the epoch second from which to try again; the
   * connector waits until then plus a margin of a second, so the same call never comes back sooner
   * than a second later.
   */
  private static void assertRetriedNoSoonerThanTheVendorSaid(List<RequestLog.Entry> calls) {
    for (int i = 0; i < calls.size(); i++) {
      RequestLog.Entry limited = calls.get(i);
      if (limited.status() != 429) {
        continue;
      }
      calls.subList(i + 1, calls.size()).stream()
          .filter(c -> c.query().equals(limited.query()) && c.path().equals(limited.path()))
          .findFirst()
          .ifPresent(
              again ->
                  assertThat(Duration.between(limited.at(), again.at()))
                      .as("wait after the 429 at %s", limited.at())
                      .isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }
  }

  /** Calls identical to an earlier one (same method, path and query): retries. */
  private static long repeated(List<RequestLog.Entry> calls) {
    Set<String> seen = new HashSet<>();
    return calls.stream()
        .filter(c -> !seen.add(c.method() + " " + c.path() + "?" + c.query()))
        .count();
  }
}
