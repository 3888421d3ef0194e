package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.server.ServerProcesses.Node;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A sync survives its server process being killed with SIGKILL (what the OOM killer or a pulled
 * plug does) again and again: for each vendor an uninterrupted run fills a reference database, then
 * the same tenant is synced into a second database by server processes of which the one working on
 * the run is killed at ten seeded points (three in the assets stream, six in the findings stream,
 * one after the last page). Each time a node started beforehand takes the run over once the dead
 * node's lease has expired and resumes it from the last committed page. The run ends PROCESSED with
 * the tenant's exact totals, no row twice, and every finding's lifecycle state and score and every
 * asset's risk score equal to the uninterrupted run's.
 *
 * <p>The kill points come from the seed printed at the start (system property {@code
 * sightline.crash.seed} replays one); the points and where each kill landed are printed too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryEndToEndIT {
  private static final long SEED = Long.getLong("sightline.crash.seed", 20261207L);

  /** Which vendors run (system property {@code sightline.crash.vendors}), both by default. */
  private static final String VENDORS =
      System.getProperty("sightline.crash.vendors", "crowdstrike,cortex");

  private EmbeddedPostgres postgres;

  @BeforeAll
  void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stopDatabase() throws Exception {
    postgres.close();
  }

  /** What the test needs of one vendor: the connector to register and its streams in order. */
  private record Vendor(
      String name,
      Map<String, Object> connector,
      List<String> streams,
      int pageSize,
      String caPem) {}

  /**
   * Both vendors at once, each on its own databases and nodes: most of a kill's cost is waiting for
   * the cluster to call the dead node dead, which the two vendors can share.
   */
  @Test
  void shouldEndEachVendorsRunKilledTenTimesExactlyAsAnUninterruptedRun() throws Exception {
    long began = System.nanoTime();
    // The nodes' logs stay beside the test reports, for a failure to be read afterwards.
    Path logs = Path.of("target", "crash-suite").toAbsolutePath();
    ExecutorService vendors = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> running = new ArrayList<>();
      if (VENDORS.contains("crowdstrike")) {
        Path cs = Files.createDirectories(logs.resolve("crowdstrike"));
        running.add(vendors.submit(() -> crowdStrike(cs)));
      }
      if (VENDORS.contains("cortex")) {
        Path cx = Files.createDirectories(logs.resolve("cortex"));
        running.add(vendors.submit(() -> cortexXdr(cx)));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      System.out.println("[crash suite] both vendors done after " + millisSince(began) + " ms");
      if (!failures.isEmpty()) {
        AssertionError all = new AssertionError(failures.size() + " vendor(s) failed: " + failures);
        failures.forEach(all::addSuppressed);
        throw all;
      }
    } finally {
      vendors.shutdownNow();
    }
  }

  private Void crowdStrike(Path dir) throws Exception {
    try (CrowdStrikeSimulator sim =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(40))) {
      Vendor vendor =
          new Vendor(
              "crowdstrike",
              Map.of(
                  "type",
                  "crowdstrike",
                  "name",
                  "falcon",
                  "auth",
                  Map.of(
                      "url",
                      sim.baseUrl().toString(),
                      "clientId",
                      "sim-client",
                      "clientSecret",
                      "sim-secret")),
              List.of("hosts", "vulnerabilities"),
              15,
              sim.caCertificatePem());
      Outcome outcome = crashAndCompare(vendor, SEED, dir);
      JsonNode m = sim.manifest();
      assertThat(outcome.assets())
          .isEqualTo(m.path("hosts").asLong() + m.path("unmanagedAssets").asLong());
      assertThat(outcome.findings()).isEqualTo(m.path("vulnerabilities").asLong());
      assertThat(outcome.detections()).isEqualTo(m.path("vulnerabilities").asLong());
    }
    return null;
  }

  private Void cortexXdr(Path dir) throws Exception {
    try (CortexXdrSimulator sim =
        CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(60))) {
      Vendor vendor =
          new Vendor(
              "cortex",
              Map.of(
                  "type",
                  "cortex-xdr",
                  "name",
                  "cortex",
                  "auth",
                  Map.of(
                      "url",
                      sim.baseUrl().toString(),
                      "apiKeyId",
                      sim.options().keyId(),
                      "apiKey",
                      sim.options().key(),
                      "securityLevel",
                      sim.options().security().wire())),
              List.of("endpoints", "vulnerabilities"),
              10,
              sim.caCertificatePem());
      Outcome outcome = crashAndCompare(vendor, SEED + 1, dir);
      JsonNode m = sim.manifest();
      assertThat(outcome.assets()).isEqualTo(m.path("hosts").asLong());
      assertThat(outcome.detections()).isEqualTo(m.path("findings").asLong());
    }
    return null;
  }

  /** The crashed run's totals as the API counts them. */
  private record Outcome(long assets, long findings, long detections) {}

  private Outcome crashAndCompare(Vendor vendor, long seed, Path dir) throws Exception {
    long began = System.nanoTime();
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, vendor.caPem());
    String referenceDb = database(vendor.name() + "_reference");
    String crashDb = database(vendor.name() + "_crashed");

    // The crashed run's first two nodes start while the reference run goes on.
    try (ServerProcesses nodes =
        new ServerProcesses(vendor.name() + "-crash", crashDb, ca, vendor.pageSize(), dir)) {
      List<Node> live = new ArrayList<>(List.of(nodes.start(), nodes.start()));
      return crashAndCompare(vendor, seed, began, referenceDb, crashDb, ca, nodes, live, dir);
    }
  }

  private Outcome crashAndCompare(
      Vendor vendor,
      long seed,
      long began,
      String referenceDb,
      String crashDb,
      Path ca,
      ServerProcesses nodes,
      List<Node> live,
      Path dir)
      throws Exception {
    // The uninterrupted run, by one node on the reference database.
    JsonNode reference;
    try (ServerProcesses ref =
        new ServerProcesses(vendor.name() + "-ref", referenceDb, ca, vendor.pageSize(), dir)) {
      Node node = ref.ready(ref.start());
      String connectorId =
          ref.post(node, "/api/v1/connectors", vendor.connector()).path("id").asText();
      String runId =
          ref.post(node, "/api/v1/connectors/" + connectorId + "/runs", Map.of())
              .path("runId")
              .asText();
      reference = awaitEnd(ref, List.of(node), runId);
    }
    assertThat(reference.path("state").asText()).as(reference.toString()).isEqualTo("PROCESSED");
    Map<String, Long> expected = new LinkedHashMap<>();
    List<KillPlan.Stream> cut = new ArrayList<>();
    for (String stream : vendor.streams()) {
      long records =
          reference.path("counters").path("streams").path(stream).path("fetched").asLong();
      assertThat(records).as(stream + " in " + reference).isGreaterThan(2L * vendor.pageSize());
      expected.put(stream, records);
      cut.add(new KillPlan.Stream(stream, records, cut.isEmpty() ? 3 : 6));
    }
    KillPlan plan = KillPlan.draw(seed, cut);
    log(
        vendor,
        "seed "
            + seed
            + " (replay: -Dsightline.crash.seed="
            + seed
            + "); reference run "
            + reference.path("stageMillis")
            + " ms by stage, streams "
            + expected
            + "; kill points "
            + plan.points()
            + "; reference done after "
            + millisSince(began)
            + " ms");

    // The same tenant into the second database; a standby node is always starting or ready.
    Node first = nodes.ready(live.get(0));
    String connectorId =
        nodes.post(first, "/api/v1/connectors", vendor.connector()).path("id").asText();
    String runId =
        nodes
            .post(first, "/api/v1/connectors/" + connectorId + "/runs", Map.of())
            .path("runId")
            .asText();
    int kill = 0;
    for (KillPlan.Point point : plan.points()) {
      kill++;
      long waitFrom = System.nanoTime();
      JsonNode seen = awaitPoint(nodes, live, runId, point, expected);
      Node victim =
          live.stream()
              .filter(n -> n.owns(seen.path("owner").asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no live node owns " + seen));
      ServerProcesses.kill(victim);
      live.remove(victim);
      log(
          vendor,
          String.format(
              "kill %d at %s: killed %s (attempt %d) in stream %s with %s records committed;"
                  + " %d ms after the previous kill",
              kill,
              point,
              victim.name(),
              seen.path("attempt").asInt(),
              seen.path("stream").asText(),
              committed(seen),
              millisSince(waitFrom)));
      live.add(nodes.start());
    }
    JsonNode end = awaitEnd(nodes, live, runId);
    log(vendor, "crashed run ended after " + millisSince(began) + " ms: " + end);
    assertThat(end.path("state").asText()).as(end.toString()).isEqualTo("PROCESSED");
    assertThat(end.path("trigger").asText()).isEqualTo("RECOVERY");
    assertThat(end.path("attempt").asInt()).as(end.toString()).isEqualTo(plan.points().size() + 1);

    Node any = nodes.ready(live.get(0));
    Outcome outcome =
        new Outcome(
            total(nodes, any, "/api/v1/assets"),
            total(nodes, any, "/api/v1/findings"),
            total(nodes, any, "/api/v1/detections"));

    InventorySnapshot want = InventorySnapshot.read(referenceDb);
    InventorySnapshot got = InventorySnapshot.read(crashDb);
    assertThat(got.duplicateSources()).as("source records stored twice").isZero();
    assertThat(got.duplicateDetections()).as("detections stored twice").isZero();
    assertThat(got.duplicateFindings()).as("findings stored twice").isZero();
    assertThat(got.assetsWithoutSource())
        .as("assets left without a source record")
        .isEqualTo(want.assetsWithoutSource());
    // The comparison below says something only if the reference holds scored rows.
    assertThat(want.findings().values())
        .as("reference findings with a state and a score")
        .isNotEmpty()
        .anyMatch(v -> v.startsWith("state NEW") && !v.contains("qds null"));
    assertThat(want.assets().values())
        .as("reference assets with a risk score")
        .anyMatch(v -> !v.contains("null"));
    assertThat(got.differencesFrom(want, 10))
        .as("the crashed run's inventory against the uninterrupted run's")
        .isEmpty();
    assertThat(outcome.assets()).isEqualTo(want.assets().size());
    assertThat(outcome.findings()).isEqualTo(want.findings().size());
    assertThat(outcome.detections()).isEqualTo(want.detections().size());
    log(vendor, "done after " + millisSince(began) + " ms");
    return outcome;
  }

  /** Polls the run through any ready node until it has reached the point; fails if it ended. */
  private static JsonNode awaitPoint(
      ServerProcesses nodes,
      List<Node> live,
      String runId,
      KillPlan.Point point,
      Map<String, Long> expected)
      throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (Node n : live) {
        JsonNode run;
        try {
          run = nodes.get(n, "/api/v1/runs/" + runId);
        } catch (java.io.IOException e) {
          continue; // still starting
        }
        String state = run.path("state").asText();
        if (!state.equals("PROCESSING") && !state.equals("SCHEDULED")) {
          throw new AssertionError("the run ended before the kill point " + point + ": " + run);
        }
        boolean heldByLiveNode = live.stream().anyMatch(l -> l.owns(run.path("owner").asText()));
        if (state.equals("PROCESSING")
            && heldByLiveNode
            && KillPlan.reached(point, run, expected)) {
          return run;
        }
        break;
      }
      Thread.sleep(15);
    }
    throw new AssertionError("the run did not reach " + point + " within two minutes");
  }

  /** Waits until the run has ended, asking any node that answers. */
  private static JsonNode awaitEnd(ServerProcesses nodes, List<Node> live, String runId)
      throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (Node n : live) {
        try {
          JsonNode run = nodes.get(n, "/api/v1/runs/" + runId);
          if (run.path("state").asText().matches("PROCESSED|ERRORED")) {
            return run;
          }
          break;
        } catch (java.io.IOException e) {
          // still starting
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not end within three minutes");
  }

  /** Each stream's committed records, as "hosts 42, vulnerabilities 120". */
  private static String committed(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.path("counters")
        .path("streams")
        .properties()
        .forEach(e -> out.add(e.getKey() + " " + e.getValue().path("fetched").asLong()));
    return String.join(", ", out);
  }

  private static long total(ServerProcesses nodes, Node node, String path) throws Exception {
    return nodes.get(node, path + "?size=1&count=exact").path("total").asLong();
  }

  private String database(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(Vendor vendor, String line) {
    System.out.println("[crash suite " + vendor.name() + "] " + line);
  }
}
