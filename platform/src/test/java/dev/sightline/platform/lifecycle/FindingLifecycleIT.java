package dev.sightline.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.SourceMeaning;
import dev.sightline.platform.correlation.AssetCorrelator;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import dev.sightline.platform.inventory.InventoryWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lifecycle NEW → ACTIVE → FIXED → REOPENED across runs and sources, on real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class FindingLifecycleIT {
  private final Jdbc jdbc;
  private final InventoryWriter writer = new InventoryWriter();
  private final FindingLifecycle lifecycle = new FindingLifecycle();
  private final UUID crowdstrike = UUID.randomUUID();
  private final UUID cortex = UUID.randomUUID();
  private Instant clock = Instant.parse("2026-11-01T00:00:00Z");

  FindingLifecycleIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void connectors() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    for (UUID id : List.of(crowdstrike, cortex)) {
      jdbc.update(
          "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
              + " created_at, updated_at) VALUES (?, 'test', ?, '{}', '\\x00'::bytea,"
              + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
          id,
          id.toString());
    }
  }

  private static AssetRow host(String id) {
    return new AssetRow(
        id,
        id,
        "HOST-1",
        "HOST-1",
        null,
        "corp",
        "Server",
        "Windows",
        null,
        "SN-778899",
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

  private static FindingRow detection(String id, String asset, String cve, String status) {
    return new FindingRow(
        id,
        asset,
        cve,
        cve,
        4,
        "HIGH",
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
        "test",
        SourceMeaning.COMMON.status(status).map(SourceMeaning.Status::open).orElse(true),
        Map.of("id", id, "status", status));
  }

  /** One run of a connector: its asset, its detections, a full read, the lifecycle. */
  private FindingLifecycle.Outcome run(UUID connector, String assetId, FindingRow... detections) {
    clock = clock.plus(1, ChronoUnit.HOURS);
    Instant start = clock;
    UUID run = UUID.randomUUID();
    return jdbc.inTransaction(
        c -> {
          var assets = writer.upsertAssets(c, connector, run, List.of(host(assetId)), start);
          new AssetCorrelator().correlate(c, assets.written(), start);
          writer.upsertFindings(c, connector, run, List.of(detections), start);
          lifecycle.closeAbsent(c, connector, start, start);
          return lifecycle.apply(c, connector, run, start);
        });
  }

  private String state(String cve) {
    return jdbc.queryOne("SELECT state FROM finding WHERE cve_id = ?", rs -> rs.getString(1), cve)
        .orElse("none");
  }

  @Test
  void shouldMoveAFindingWithItsDetectionsWhenTheirSourceRecordMovesToAnotherAsset() {
    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    long before = jdbc.queryOne("SELECT asset_id FROM finding", rs -> rs.getLong(1)).orElseThrow();
    long after =
        jdbc.queryOne(
                "INSERT INTO asset (created_at, updated_at) VALUES (now(), now()) RETURNING id",
                rs -> rs.getLong(1))
            .orElseThrow();

    jdbc.inTransaction(
        c -> {
          // What a split does: the source record, with its detections, now makes another asset.
          Jdbc.update(c, "UPDATE source_asset SET asset_id = ? WHERE asset_id = ?", after, before);
          return lifecycle.recompute(c, List.of(before, after), null, clock);
        });

    assertThat(jdbc.query("SELECT asset_id FROM finding", rs -> rs.getLong(1)))
        .containsExactly(after);
  }

  @Test
  void shouldBeNewThenActiveThenFixedThenReopened() {
    assertThat(run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open")).created())
        .isEqualTo(1);
    assertThat(state("CVE-1")).isEqualTo("NEW");

    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    assertThat(state("CVE-1")).isEqualTo("ACTIVE");

    assertThat(run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "closed")).fixed())
        .isEqualTo(1);
    assertThat(state("CVE-1")).isEqualTo("FIXED");
    assertThat(jdbc.queryOne("SELECT fixed_on FROM finding", rs -> rs.getTimestamp(1))).isPresent();

    assertThat(run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "reopen")).reopened())
        .isEqualTo(1);
    assertThat(state("CVE-1")).isEqualTo("REOPENED");
    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "reopen"));
    assertThat(state("CVE-1")).isEqualTo("ACTIVE");
  }

  @Test
  void shouldFixAFindingAbsentFromAFullRead() {
    run(
        crowdstrike,
        "aid",
        detection("v1", "aid", "CVE-1", "open"),
        detection("v2", "aid", "CVE-2", "open"));
    var outcome = run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    assertThat(outcome.fixed()).isEqualTo(1);
    assertThat(state("CVE-2")).isEqualTo("FIXED");
    assertThat(state("CVE-1")).isEqualTo("ACTIVE");
  }

  @Test
  void shouldCountACveSeenByTwoSourcesOnceAndKeepItOpenWhileEitherReportsIt() {
    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    var second = run(cortex, "ep", detection("ep/CVE-1", "ep", "CVE-1", "open"));
    assertThat(second.created()).isZero();
    assertThat(jdbc.queryOne("SELECT count(*) FROM finding", rs -> rs.getLong(1))).contains(1L);
    assertThat(jdbc.queryOne("SELECT count(*) FROM detection", rs -> rs.getLong(1))).contains(2L);

    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "closed"));
    assertThat(state("CVE-1")).isNotEqualTo("FIXED");

    run(cortex, "ep");
    assertThat(state("CVE-1")).isEqualTo("FIXED");
  }

  @Test
  void shouldChangeNothingWhenTheSameRunComesAgain() {
    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    var third = run(crowdstrike, "aid", detection("v1", "aid", "CVE-1", "open"));
    assertThat(third.created() + third.fixed() + third.reopened()).isZero();
    assertThat(state("CVE-1")).isEqualTo("ACTIVE");
  }
}
