package dev.sightline.platform.rescoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.SourceMeaning;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import dev.sightline.platform.inventory.InventoryWriter;
import dev.sightline.platform.lifecycle.FindingDecisions;
import dev.sightline.platform.lifecycle.FindingLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored scores: written for the assets a run touched, left alone by a run that changed nothing,
 * and rewritten when intelligence, a criticality, a decision, a severity mapping or the weights
 * change — always equal to what the explanation computes. On real PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class StoredScoresIT {
  private final Jdbc jdbc;
  private final InventoryWriter writer = new InventoryWriter();
  private final FindingLifecycle lifecycle = new FindingLifecycle();
  private final UUID connector = UUID.randomUUID();
  private final ScoringSettings settings;
  private final ScoreRefresher refresher;
  private final AssetScores scores;
  private Instant now = Instant.parse("2026-11-01T00:00:00Z");

  StoredScoresIT(DataSource ds) {
    jdbc = new Jdbc(ds);
    Clock clock = Clock.systemUTC();
    settings = new ScoringSettings(jdbc, clock, new SeverityDefaults(ConnectorCatalog.discover()));
    refresher = new ScoreRefresher(jdbc, settings, clock);
    scores = new AssetScores(jdbc, settings, clock);
  }

  @BeforeEach
  void connector() {
    jdbc.update(
        "TRUNCATE connector, asset, asset_rescore, scoring_settings, cve_intel, intel_load"
            + " CASCADE");
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
            + " created_at, updated_at) VALUES (?, 'crowdstrike', 'cs', '{}', '\\x00'::bytea,"
            + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
        connector);
  }

  private static AssetRow host(String id, String type) {
    return new AssetRow(
        id,
        id,
        id,
        id,
        null,
        "corp",
        type,
        "Windows",
        null,
        "SN-" + id,
        "Dell",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        Map.of("id", id));
  }

  private static FindingRow vuln(
      String id, String asset, String cve, String severity, String status) {
    return new FindingRow(
        id,
        asset,
        cve,
        cve,
        4,
        severity,
        null,
        null,
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "CrowdStrike Spotlight",
        SourceMeaning.COMMON.status(status).map(SourceMeaning.Status::open).orElse(true),
        Map.of("id", id, "status", status, "sourceSeverity", severity));
  }

  /** One full run of the test's CrowdStrike connector. */
  private ScoreRefresher.Outcome run(List<AssetRow> hosts, FindingRow... detections) {
    return run(connector, hosts, detections);
  }

  /** One full run: the hosts, their detections, the lifecycle, then the end-of-run rescoring. */
  private ScoreRefresher.Outcome run(UUID source, List<AssetRow> hosts, FindingRow... detections) {
    now = now.plus(1, ChronoUnit.HOURS);
    Instant start = now;
    UUID run = UUID.randomUUID();
    jdbc.inTransaction(
        c -> {
          var assets = writer.upsertAssets(c, source, run, hosts, start);
          new AssetCorrelator().correlate(c, assets.written(), start);
          writer.upsertFindings(c, source, run, List.of(detections), start);
          // As in a real run, the run's end comes after its pages.
          Instant end = start.plusSeconds(1);
          lifecycle.closeAbsent(c, source, start, end);
          return lifecycle.apply(c, source, run, end);
        });
    return refresher.drain();
  }

  private long assetOf(String host) {
    return jdbc.queryOne(
            "SELECT asset_id FROM source_asset WHERE source_record_id = ?",
            rs -> rs.getLong(1),
            host)
        .orElseThrow();
  }

  private Integer storedRisk(long asset) {
    return jdbc.queryOne(
            "SELECT risk_score FROM asset WHERE id = ?",
            rs -> rs.getObject(1, Integer.class),
            asset)
        .orElseThrow();
  }

  private Integer storedQds(String cve) {
    return jdbc.queryOne(
            "SELECT qds FROM finding WHERE cve_id = ?", rs -> rs.getObject(1, Integer.class), cve)
        .orElseThrow();
  }

  private void assertStoredEqualsExplained(long asset) {
    AssetScores.Explanation e = scores.explain(asset);
    assertThat(e.storedScore()).isEqualTo(e.risk().score());
    assertThat(e.rescorePending()).isFalse();
    e.findings()
        .forEach(
            line ->
                assertThat(
                        jdbc.queryOne(
                            "SELECT qds FROM finding WHERE id = ?",
                            rs -> rs.getInt(1),
                            line.findingId()))
                    .contains(line.score().qds()));
  }

  @Test
  void shouldStoreScoresForTheAssetsARunTouchedAndMatchTheExplanation() {
    var outcome =
        run(
            List.of(host("srv", "Server"), host("ws", "Workstation")),
            vuln("v1", "srv", "CVE-2020-0001", "HIGH", "open"),
            vuln("v2", "ws", "CVE-2020-0002", "CRITICAL", "open"));

    assertThat(outcome.assetsScored()).isEqualTo(2);
    // No intelligence: the seed mapping scores HIGH 80, CRITICAL 100.
    assertThat(storedQds("CVE-2020-0001")).isEqualTo(80);
    assertThat(storedQds("CVE-2020-0002")).isEqualTo(100);
    // Server ACS 4 × (80·1.1 + 0.6) = 354.4 → 354; Workstation 2 × (100·1.3 + 1) = 262.
    assertThat(storedRisk(assetOf("srv"))).isEqualTo(354);
    assertThat(storedRisk(assetOf("ws"))).isEqualTo(262);
    assertStoredEqualsExplained(assetOf("srv"));
    assertStoredEqualsExplained(assetOf("ws"));
    assertThat(RescoreQueue.pending(jdbc)).isZero();
  }

  @Test
  void shouldWeighEveryVendorsSignalsAboutACveBothReport() {
    UUID cortex = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
            + " created_at, updated_at) VALUES (?, 'cortex-xdr', 'cx', '{}', '\\x00'::bytea,"
            + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
        cortex);
    // Cortex's detection leads (the higher finding severity) and says only LOW; CrowdStrike's
    // says the CVE is exploited in the wild. Read from the leading detection alone
    // the finding would score 40 (LOW through the mapping); with both, it is exploited.
    FindingRow leading =
        new FindingRow(
            "ep/CVE-2020-0009",
            "srv",
            "CVE-2020-0009",
            "CVE-2020-0009",
            5,
            "LOW",
            null,
            null,
            "open",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "Cortex XDR",
            true,
            Map.of("id", "ep", "sourceSeverity", "LOW"));
    FindingRow exploited =
        new FindingRow(
            "v9",
            "srv",
            "CVE-2020-0009",
            "CVE-2020-0009",
            3,
            "MEDIUM",
            null,
            null,
            "open",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "CrowdStrike Spotlight",
            true,
            Map.of(
                "id",
                "v9",
                "sourceSeverity",
                "MEDIUM",
                "knownExploited",
                true,
                "exploitMaturity",
                1.0,
                "vendorCvss",
                6.5));
    run(List.of(host("srv", "Server")), exploited);
    run(cortex, List.of(host("srv", "Server")), leading);

    assertThat(jdbc.queryOne("SELECT count(*) FROM finding", rs -> rs.getLong(1))).contains(1L);
    assertThat(storedQds("CVE-2020-0009"))
        .as("exploited in the wild: the Critical band")
        .isGreaterThanOrEqualTo(90);
    assertStoredEqualsExplained(assetOf("srv"));
  }

  @Test
  void shouldRescoreNothingWhenTheSameRunComesAgain() {
    FindingRow v1 = vuln("v1", "srv", "CVE-2020-0001", "HIGH", "open");
    run(List.of(host("srv", "Server")), v1);
    Instant scoredAt =
        jdbc.queryOne("SELECT scored_at FROM asset", rs -> rs.getTimestamp(1).toInstant())
            .orElseThrow();

    var again = run(List.of(host("srv", "Server")), v1);

    assertThat(again.assetsScored()).isZero();
    assertThat(jdbc.queryOne("SELECT scored_at FROM asset", rs -> rs.getTimestamp(1).toInstant()))
        .contains(scoredAt);
    assertThat(storedRisk(assetOf("srv"))).isEqualTo(354);
  }

  @Test
  void shouldStopCountingAFixedFindingAndCountItAgainWhenReopened() {
    run(List.of(host("srv", "Server")), vuln("v1", "srv", "CVE-2020-0001", "HIGH", "open"));
    run(List.of(host("srv", "Server")), vuln("v1", "srv", "CVE-2020-0001", "HIGH", "closed"));
    assertThat(storedRisk(assetOf("srv"))).isZero();
    assertThat(storedQds("CVE-2020-0001")).as("a fixed finding keeps its QDS").isEqualTo(80);

    run(List.of(host("srv", "Server")), vuln("v1", "srv", "CVE-2020-0001", "HIGH", "reopen"));
    assertThat(storedRisk(assetOf("srv"))).isEqualTo(354);
  }

  @Test
  void shouldRescoreStoredFindingsWhenIntelligenceIsImported(@TempDir Path dir) throws Exception {
    run(
        List.of(host("srv", "Server")),
        vuln("v1", "srv", "CVE-2021-44228", "HIGH", "open"),
        vuln("v2", "srv", "CVE-2020-0002", "LOW", "open"));
    assertThat(storedQds("CVE-2021-44228")).isEqualTo(80);

    Path kev = dir.resolve("kev.json");
    Files.writeString(
        kev,
        """
        {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.01",
         "dateReleased": "2026-11-01T12:00:00.000Z", "count": 1, "vulnerabilities": [
          {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
           "vulnerabilityName": "Apache Log4j2 Remote Code Execution Vulnerability",
           "dateAdded": "2021-12-10", "shortDescription": "JNDI features ...",
           "requiredAction": "Apply updates.", "dueDate": "2021-12-24",
           "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": ["CWE-20"]}]}
        """);
    new IntelImporter(jdbc.dataSource(), Clock.systemUTC()).importFile(kev);
    long asset = assetOf("srv");
    assertThat(RescoreQueue.pending(jdbc)).as("only the asset with that CVE").isEqualTo(1);

    var outcome = refresher.drain();

    assertThat(outcome.findingsChanged()).as("the KEV finding only").isEqualTo(1);
    assertThat(storedQds("CVE-2021-44228")).isGreaterThanOrEqualTo(90);
    assertThat(storedQds("CVE-2020-0002")).isEqualTo(40);
    assertThat(
            jdbc.queryOne(
                "SELECT qds_method FROM finding WHERE cve_id = 'CVE-2021-44228'",
                rs -> rs.getString(1)))
        .contains("THREAT_INTELLIGENCE");
    assertThat(storedRisk(asset)).isGreaterThan(354);
    assertStoredEqualsExplained(asset);
  }

  @Test
  void shouldUseACriticalitySetByAUserUntilItIsCleared() {
    run(List.of(host("ws", "Workstation")), vuln("v1", "ws", "CVE-2020-0001", "HIGH", "open"));
    long asset = assetOf("ws");
    assertThat(storedRisk(asset)).as("2 × (80·1.1 + 0.6)").isEqualTo(177);

    refresher.setAssetCriticality(asset, 5, "payroll database");
    assertThat(storedRisk(asset)).as("5 × 88.6").isEqualTo(443);
    assertThat(scores.explain(asset).risk().terms().get(0).description())
        .contains("set by a user: payroll database");

    refresher.setAssetCriticality(asset, null, null);
    assertThat(storedRisk(asset)).as("2 × (80·1.1 + 0.6)").isEqualTo(177);

    assertThatThrownBy(() -> refresher.setAssetCriticality(asset, 6, null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("1..5");
  }

  @Test
  void shouldRescoreAConnectorsAssetsWhenItsSeverityMappingChangesAndRefuseABadOne() {
    run(List.of(host("srv", "Server")), vuln("v1", "srv", "CVE-2020-0001", "HIGH", "open"));
    String table =
        """
        {"sourceValues": [{"value": "HIGH", "severity": 5}],
         "qdsBySeverity": {"1": 10, "2": 30, "3": 50, "4": 70, "5": 95}, "defaultSeverity": 1}
        """;

    var saved = settings.saveSeverityMapping(connector, table);

    assertThat(saved.custom()).isTrue();
    assertThat(saved.mapping().connector()).isEqualTo("crowdstrike");
    assertThat(RescoreQueue.pending(jdbc)).isEqualTo(1);
    refresher.drain();
    assertThat(storedQds("CVE-2020-0001")).isEqualTo(95);

    assertThatThrownBy(
            () ->
                settings.saveSeverityMapping(
                    connector,
                    "{\"sourceValues\": [], \"qdsBySeverity\": {\"1\": 0}, \"defaultSeverity\": 9}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("severity 2 has no QDS")
        .hasMessageContaining("defaultSeverity");
    assertThat(settings.severityMapping(connector).mapping().qdsBySeverity().get(5))
        .as("a refused mapping changes nothing")
        .isEqualTo(95);

    settings.resetSeverityMapping(connector);
    refresher.drain();
    assertThat(storedQds("CVE-2020-0001")).isEqualTo(80);
  }

  @Test
  void shouldRescoreEveryAssetWhenTheWeightsChange() {
    run(
        List.of(host("a", "Server"), host("b", "Server")),
        vuln("v1", "a", "CVE-2020-0001", "HIGH", "open"),
        vuln("v2", "b", "CVE-2020-0002", "HIGH", "open"));

    settings.saveWeights("{\"critical\": 1, \"high\": 2, \"medium\": 0.4, \"low\": 0.2}");
    assertThat(RescoreQueue.pending(jdbc)).isEqualTo(2);
    refresher.drain();

    // 4 × (80·1.1 + 1·2) = 360
    assertThat(storedRisk(assetOf("a"))).isEqualTo(360);
    assertThat(storedRisk(assetOf("b"))).isEqualTo(360);
    assertThatThrownBy(() -> settings.saveWeights("{\"critical\": -1}"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void shouldSetAsideADecidedFindingAndCountItAgainWhenTheAcceptanceExpires() {
    run(List.of(host("srv", "Server")), vuln("v1", "srv", "CVE-2020-0001", "HIGH", "open"));
    long asset = assetOf("srv");
    long finding = jdbc.queryOne("SELECT id FROM finding", rs -> rs.getLong(1)).orElseThrow();
    FindingDecisions decisions = new FindingDecisions(jdbc, Clock.systemUTC(), refresher);

    long decided =
        decisions.decide(
            finding,
            Optional.of("RISK_ACCEPTED"),
            Optional.of(Instant.now().plus(1, ChronoUnit.DAYS)),
            Optional.of("compensating control"));
    assertThat(decided).isEqualTo(asset);
    assertThat(storedRisk(asset)).isZero();

    // Two days later: the acceptance has expired, and the next drain notices it unasked.
    jdbc.update("UPDATE asset SET scored_at = scored_at - interval '2 days'");
    jdbc.update(
        "UPDATE finding SET decision_until = ?",
        Instant.now().minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
    var outcome = refresher.drain();
    assertThat(outcome.assetsScored()).isEqualTo(1);
    assertThat(storedRisk(asset)).isEqualTo(354);
  }
}
