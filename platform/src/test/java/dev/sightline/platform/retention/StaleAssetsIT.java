package dev.sightline.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.testkit.memory.InMemoryConnectorFactory;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorScope;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.InventoryQueries.Filter;
import dev.sightline.platform.views.InventoryTotals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Asset retention on a fixed clock: an asset no source has seen for its connector's retention
 * period is STALE from the moment the last source's period ran out and leaves the totals; one stale
 * for the purge period too is deleted with its findings, unless a connector that reports it keeps
 * stale assets; an asset seen again is current again.
 */
@ExtendWith(PostgresExtension.class)
class StaleAssetsIT {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final Jdbc jdbc;
  private ConnectorService connectors;
  private SyncService sync;
  private InventoryQueries inventory;
  private StaleAssets stale;

  StaleAssetsIT(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList(""),
            clock);
    sync = new SyncService(connectors, jdbc, new PlatformConnectorContext(clock, null), clock, 100);
    inventory = new InventoryQueries(jdbc);
    // Batches of two assets and of one purge, so every sweep crosses batch boundaries.
    stale = new StaleAssets(jdbc, 2, 1);
  }

  private static String machine(String name, int mac, Instant lastSeen) {
    return String.format(
        "{\"id\":\"%s\",\"name\":\"%s\",\"last_seen\":\"%s\","
            + "\"nics\":[{\"mac\":\"00:1b:a9:00:00:%02x\",\"ip\":\"10.1.0.%d\"}]}",
        name, name, lastSeen, mac, mac);
  }

  private void syncConnector(
      String name, String machines, String issues, Integer staleAfter, Integer purgeAfter) {
    var id =
        connectors
            .register(
                new NewConnector(
                    InMemoryConnectorFactory.TYPE,
                    name,
                    "",
                    Map.of("machines", machines, "issues", issues),
                    null,
                    Map.of(),
                    null,
                    new ConnectorScope.Request(null, null, staleAfter, purgeAfter)))
            .id();
    SyncRun run = sync.execute(sync.request(id).runId());
    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
  }

  private Map<String, AssetView> assetsByName() {
    return inventory.assets(Filter.none(), 0, 100).items().stream()
        .collect(Collectors.toMap(AssetView::hostName, Function.identity()));
  }

  private static Instant daysBefore(int days) {
    return T0.minus(Duration.ofDays(days));
  }

  private static Instant daysAfter(int days) {
    return T0.plus(Duration.ofDays(days));
  }

  /**
   * Connector A keeps assets 30 days and purges them 10 days later; connector B keeps them 30 days
   * and never purges. "old" is seen by A long ago but by B two days ago.
   */
  private void twoSources() {
    syncConnector(
        "A",
        "["
            + String.join(
                ",",
                machine("fresh", 1, daysBefore(5)),
                machine("old", 2, daysBefore(40)),
                machine("gone", 3, daysBefore(35)))
            + "]",
        """
        [{"id":"g1","host":"gone","title":"weak cipher","level":"grave","state":"seen"},
         {"id":"g2","host":"gone","title":"open share","level":"serious","state":"seen"},
         {"id":"f1","host":"fresh","title":"old banner","level":"minor","state":"seen"},
         {"id":"x1","host":"ghost","title":"odd port","level":"minor","state":"seen",
          "seen_on":{"id":"ghost","name":"ghost"}}]""",
        30,
        10);
    syncConnector(
        "B",
        "["
            + String.join(
                ",", machine("old", 2, daysBefore(2)), machine("kept", 4, daysBefore(100)))
            + "]",
        "[]",
        null,
        null);
  }

  @Test
  void shouldMarkAnAssetNoSourceSawWithinItsRetentionStaleFromWhenTheLastPeriodRanOut() {
    twoSources();
    InventoryTotals before = inventory.totals(T0);

    StaleAssets.Outcome outcome = stale.sweep(T0);

    assertThat(outcome).isEqualTo(new StaleAssets.Outcome(2, 0, 0, 0));
    Map<String, AssetView> assets = assetsByName();
    assertThat(assets.get("gone").state()).isEqualTo("STALE");
    assertThat(assets.get("gone").staleSince()).isEqualTo(daysBefore(35).plus(Duration.ofDays(30)));
    assertThat(assets.get("kept").state()).isEqualTo("STALE");
    assertThat(assets.get("kept").staleSince()).isEqualTo(daysBefore(70));
    assertThat(assets.get("old").state()).as("B saw it two days ago").isEqualTo("ACTIVE");
    assertThat(assets.get("old").staleSince()).isNull();
    assertThat(assets.get("fresh").state()).isEqualTo("ACTIVE");
    assertThat(assets.get("ghost").state())
        .as("built from a finding's host details the run returned at T0")
        .isEqualTo("ACTIVE");

    InventoryTotals after = inventory.totals(T0);
    assertThat(after.assets()).isEqualTo(before.assets() - 2);
    assertThat(after.staleAssets()).isEqualTo(2);
    assertThat(after.openFindings())
        .as("the stale asset's two open findings leave the totals")
        .isEqualTo(before.openFindings() - 2);
    assertThat(inventory.assets(new Filter(Optional.empty(), Optional.of("stale")), 0, 100).items())
        .extracting(AssetView::hostName)
        .containsExactlyInAnyOrder("gone", "kept");
    assertThat(inventory.assets(Filter.none(), 0, 100).total())
        .as("stale assets are still listed, marked")
        .isEqualTo(before.assets());
    assertThat(stale.sweep(T0))
        .as("nothing changed")
        .isEqualTo(new StaleAssets.Outcome(0, 0, 0, 0));
  }

  @Test
  void shouldDeleteAnAssetStaleForThePurgePeriodWithItsFindingsUnlessItsConnectorKeepsThem() {
    twoSources();
    stale.sweep(T0);
    long findingsBefore = inventory.findings(Filter.none(), 0, 100).total();

    StaleAssets.Outcome outcome = stale.sweep(daysAfter(6));

    assertThat(outcome).isEqualTo(new StaleAssets.Outcome(0, 0, 1, 2));
    Map<String, AssetView> assets = assetsByName();
    assertThat(assets).doesNotContainKey("gone");
    assertThat(assets.get("kept").state())
        .as("stale for 76 days, but B keeps stale assets")
        .isEqualTo("STALE");
    assertThat(inventory.findings(Filter.none(), 0, 100).total()).isEqualTo(findingsBefore - 2);
    assertThat(jdbc.queryOne("SELECT count(*) FROM detection", rs -> rs.getLong(1))).contains(2L);
    assertThat(
            jdbc.queryOne(
                "SELECT count(*) FROM source_asset WHERE source_record_id = 'gone'",
                rs -> rs.getLong(1)))
        .contains(0L);
  }

  @Test
  void shouldMakeAStaleAssetCurrentAgainWhenASourceSeesIt() {
    twoSources();
    stale.sweep(T0);

    syncConnector("C", "[" + machine("kept", 4, daysBefore(1)) + "]", "[]", null, null);

    assertThat(stale.sweep(daysAfter(1))).isEqualTo(new StaleAssets.Outcome(0, 1, 0, 0));
    assertThat(assetsByName().get("kept").state()).isEqualTo("ACTIVE");
    assertThat(inventory.totals(daysAfter(1)).staleAssets()).isEqualTo(1);
  }

  @Test
  void shouldJudgeAnAssetWithoutALastSeenDateByWhenARunLastReturnedIt() {
    twoSources();

    stale.sweep(daysAfter(31));

    AssetView ghost = assetsByName().get("ghost");
    assertThat(ghost.state()).isEqualTo("STALE");
    assertThat(ghost.staleSince()).isEqualTo(daysAfter(30));
  }
}
