package dev.sightline.platform.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.platform.removal.ConnectorRemoval.Data;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting a connector of two whose tenants share machines: kept, its records stay as history;
 * purged, the inventory is what the other connector alone makes of the same fleet.
 */
@ExtendWith(PostgresExtension.class)
class ConnectorRemovalIT {
  private final Jdbc jdbc;
  private CrowdStrikeSimulator kept;
  private CrowdStrikeSimulator removed;
  private ConnectorService connectors;
  private SyncService sync;
  private ConnectorRemoval removal;

  ConnectorRemovalIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    // Machines [0, 30) and [20, 50) of one fleet: ten seen by both tenants.
    kept = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30));
    removed = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30).withOffset(20));
    Clock clock = Clock.systemUTC();
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList("127.0.0.1"),
            clock);
    sync =
        new SyncService(
            connectors,
            jdbc,
            new PlatformConnectorContext(
                clock,
                TrustMaterial.jvmDefaultPlus(
                    kept.caCertificatePem() + "\n" + removed.caCertificatePem())),
            clock,
            100);
    removal = new ConnectorRemoval(jdbc, connectors, clock);
  }

  @AfterEach
  void stop() {
    kept.close();
    removed.close();
  }

  private UUID synced(String name, CrowdStrikeSimulator sim) {
    UUID id =
        connectors
            .register(
                new NewConnector(
                    "crowdstrike",
                    name,
                    "",
                    Map.of(
                        "url",
                        sim.baseUrl().toString(),
                        "clientId",
                        "sim-client",
                        "clientSecret",
                        "sim-secret"),
                    null))
            .id();
    SyncRun run = sync.execute(sync.request(id).runId());
    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
    return id;
  }

  private long count(String sql, Object... params) {
    return jdbc.queryOne(sql, rs -> rs.getLong(1), params).orElseThrow();
  }

  private long assets() {
    return count("SELECT count(*) FROM asset");
  }

  private long findings() {
    return count("SELECT count(*) FROM finding");
  }

  private static long assetsOf(JsonNode manifest) {
    return manifest.path("hosts").asLong() + manifest.path("unmanagedAssets").asLong();
  }

  private List<Long> assetsSeenByBoth(UUID a, UUID b) {
    return jdbc.query(
        "SELECT asset_id FROM source_asset WHERE connector_id = ? INTERSECT"
            + " SELECT asset_id FROM source_asset WHERE connector_id = ?",
        rs -> rs.getLong(1),
        a,
        b);
  }

  @Test
  void shouldPurgeTheRecordsAndLeaveWhatTheOtherSourceAloneMakes() {
    UUID stays = synced("stays", kept);
    UUID goes = synced("goes", removed);
    List<Long> shared = assetsSeenByBoth(stays, goes);
    assertThat(shared).as("the tenants share machines").isNotEmpty();
    assertThat(assets()).isLessThan(assetsOf(kept.manifest()) + assetsOf(removed.manifest()));

    ConnectorRemoval.Outcome outcome = removal.delete(goes, Data.PURGE);

    assertThat(assets()).isEqualTo(assetsOf(kept.manifest()));
    assertThat(findings()).isEqualTo(kept.manifest().path("vulnerabilities").asLong());
    assertThat(count("SELECT count(*) FROM source_asset WHERE connector_id = ?", goes)).isZero();
    assertThat(count("SELECT count(*) FROM detection WHERE connector_id = ?", goes)).isZero();
    assertThat(count("SELECT count(*) FROM connector WHERE id = ?", goes)).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM asset a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)"))
        .as("no asset without a record")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM finding f WHERE NOT EXISTS (SELECT 1 FROM detection d"
                    + " JOIN source_asset s ON s.id = d.source_asset_id"
                    + " WHERE s.asset_id = f.asset_id AND d.finding_key = f.finding_key)"))
        .as("no finding without a detection")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM asset WHERE id = ANY(?)",
                (Object) shared.toArray(new Long[0])))
        .as("the shared machines keep their assets")
        .isEqualTo(shared.size());
    assertThat(outcome.assetsRederived()).containsAll(shared);
    assertThat(
            count(
                "SELECT count(*) FROM asset_rescore WHERE asset_id = ANY(?)",
                (Object) shared.toArray(new Long[0])))
        .as("their scores are queued")
        .isEqualTo(shared.size());
    assertThat(outcome.assetsRemoved()).isEqualTo(assetsOf(removed.manifest()) - shared.size());
  }

  @Test
  void shouldKeepTheRecordsAsHistoryAndRetireTheConnector() {
    UUID stays = synced("stays", kept);
    UUID goes = synced("goes", removed);
    long assets = assets();
    long findings = findings();
    long records = count("SELECT count(*) FROM source_asset WHERE connector_id = ?", goes);

    removal.delete(goes, Data.KEEP);

    assertThat(assets()).isEqualTo(assets);
    assertThat(findings()).isEqualTo(findings);
    assertThat(count("SELECT count(*) FROM source_asset WHERE connector_id = ?", goes))
        .isEqualTo(records);
    assertThat(connectors.list()).extracting(ConnectorView::id).containsExactly(stays);
    assertThatThrownBy(() -> connectors.get(goes)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sync.request(goes)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> removal.delete(goes, Data.PURGE))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            connectors
                .register(
                    new NewConnector(
                        "crowdstrike",
                        "GOES",
                        "",
                        Map.of(
                            "url",
                            removed.baseUrl().toString(),
                            "clientId",
                            "sim-client",
                            "clientSecret",
                            "sim-secret"),
                        null))
                .name())
        .as("the name is free again")
        .isEqualTo("GOES");
  }

  @Test
  void shouldRefuseToDeleteAConnectorWithARunInFlight() {
    UUID goes = synced("goes", removed);
    long assets = assets();
    sync.request(goes);

    for (Data data : Data.values()) {
      assertThatThrownBy(() -> removal.delete(goes, data))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("run in flight");
    }
    assertThat(connectors.get(goes).id()).isEqualTo(goes);
    assertThat(assets()).isEqualTo(assets);
  }
}
