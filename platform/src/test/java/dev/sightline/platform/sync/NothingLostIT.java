package dev.sightline.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.testkit.memory.InMemoryConnectorFactory;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.ingest.StreamTally;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.views.AssetTag;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.InventoryQueries;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every record a stream returns ends stored or as a counted rejection with its reason, and every
 * finding attached to exactly one source asset, checked by the run for any connector: here one the
 * platform has never heard of, with records shaped to miss each way.
 */
@ExtendWith(PostgresExtension.class)
class NothingLostIT {
  private static final String MACHINES =
      """
      [{"id":"m1","name":"WEB-01.corp.example.com","nics":[{"mac":"3C-06-30-1E-8D-E4","ip":"10.0.0.5"},
        {"mac":"3c:06:30:1e:8d:e5","ip":"fe80:0:0:0:0:0:0:1"}],"labels":["team/payments","pci"],
        "role_tags":["tier0"]},
       {"id":"m2","name":"db-01"},
       {"name":"no-id-at-all"}]""";
  private static final String ISSUES =
      """
      [{"id":"i1","host":"m1","title":"CVE-2024-0001","cve":"CVE-2024-0001","state":"seen"},
       {"id":"i2","host":"m2","title":"CVE-2024-0002","cve":"CVE-2024-0002","state":"seen"},
       {"id":"i3","host":"ghost","title":"CVE-2024-0003","cve":"CVE-2024-0003","state":"seen"},
       {"id":"i4","host":"scanned","title":"CVE-2024-0004","cve":"CVE-2024-0004","state":"seen",
        "seen_on":{"id":"scanned","name":"printer-7","nics":[{"mac":"00:1B:A9:00:00:07"}]}},
       {"id":"i5","host":"m1","cve":"CVE-2024-0005","state":"seen"},
       {"id":"i6","title":"orphan","state":"seen"}]""";

  private final Jdbc jdbc;
  private ConnectorService connectors;
  private SyncService sync;
  private InventoryQueries inventory;

  NothingLostIT(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    jdbc.update("DROP TRIGGER IF EXISTS swallow ON detection");
    Clock clock = Clock.systemUTC();
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList(""),
            clock);
    sync = new SyncService(connectors, jdbc, new PlatformConnectorContext(clock, null), clock, 100);
    inventory = new InventoryQueries(jdbc);
  }

  private UUID register(String machines, String issues) {
    return connectors
        .register(
            new NewConnector(
                InMemoryConnectorFactory.TYPE,
                "mem",
                "",
                Map.of("machines", machines, "issues", issues),
                null))
        .id();
  }

  private List<String> rejections(UUID runId) {
    return jdbc.query(
        "SELECT stream || ' ' || coalesce(record_key, '-') || ' '"
            + " || coalesce(element_path, '-') || ': ' || reasons FROM rejected_record"
            + " WHERE run_id = ? ORDER BY id",
        rs -> rs.getString(1),
        runId);
  }

  @Test
  void shouldStoreOrRejectWithItsReasonEveryRecordAStreamReturns() {
    SyncRun run = sync.execute(sync.request(register(MACHINES, ISSUES)).runId());

    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
    assertThat(run.counters().streams())
        .containsExactly(
            Map.entry("machines", new StreamTally(3, 2, 1, 0, 0, 0, 0)),
            Map.entry("issues", new StreamTally(6, 3, 3, 0, 0, 0, 1)));
    assertThat(rejections(run.runId()))
        .satisfiesExactly(
            r -> assertThat(r).startsWith("machines - -: the record has no 'id'"),
            r -> assertThat(r).startsWith("issues i5 -: ").contains("findingName"),
            r -> assertThat(r).startsWith("issues i6 -: the record has no 'host'"),
            r -> assertThat(r).startsWith("issues i3 -: its asset 'ghost' is unknown"));
  }

  @Test
  void shouldAttachEveryStoredFindingToOneSourceAssetBuildingUnknownOnesFromTheirSnapshot() {
    sync.execute(sync.request(register(MACHINES, ISSUES)).runId());

    assertThat(
            jdbc.query(
                "SELECT external_finding_id FROM detection WHERE source_asset_id IS NULL",
                rs -> rs.getString(1)))
        .isEmpty();
    AssetView printer =
        inventory.assets(InventoryQueries.Filter.none(), 0, 10).items().stream()
            .filter(a -> "printer-7".equals(a.hostName()))
            .findFirst()
            .orElseThrow();
    assertThat(printer.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sourceRecordId()).isEqualTo("scanned");
              assertThat(s.fromSnapshot()).isTrue();
            });
    assertThat(printer.openFindings()).isEqualTo(1);
  }

  @Test
  void shouldReplaceASnapshotWithTheRecordTheAssetsStreamReturnsAndNeverTheOtherWayRound() {
    UUID id = register(MACHINES, ISSUES);
    sync.execute(sync.request(id).runId());
    assertThat(scanned(id)).containsExactly("printer-7", "true");

    // The assets stream now returns the scanned machine, and the finding's snapshot disagrees.
    jdbc.update(
        "UPDATE connector SET settings = jsonb_set(jsonb_set(settings, '{machines}',"
            + " to_jsonb(?::text)), '{issues}', to_jsonb(?::text)) WHERE id = ?",
        MACHINES.replace(
            "{\"name\":\"no-id-at-all\"}", "{\"id\":\"scanned\",\"name\":\"printer-7b\"}"),
        ISSUES.replace("printer-7", "renamed-by-snapshot"),
        id);
    // A full read again (the in-memory connector's delta holds no changes).
    jdbc.update("DELETE FROM stream_checkpoint WHERE connector_id = ?", id);
    SyncRun second = sync.execute(sync.request(id).runId());

    assertThat(second.state()).as(second.error().orElse("")).isEqualTo(RunState.PROCESSED);
    assertThat(scanned(id)).containsExactly("printer-7b", "false");
    assertThat(second.counters().streams().get("issues").snapshotAssets()).isZero();
  }

  private List<String> scanned(UUID connectorId) {
    return jdbc.queryOne(
            "SELECT host_name, from_snapshot::text FROM source_asset"
                + " WHERE connector_id = ? AND source_record_id = 'scanned'",
            rs -> List.of(rs.getString(1), rs.getString(2)),
            connectorId)
        .orElseThrow();
  }

  @Test
  void shouldShowTheMergedAssetNormalizedWithItsTagsKinds() {
    sync.execute(sync.request(register(MACHINES, ISSUES)).runId());

    AssetView web =
        inventory.assets(InventoryQueries.Filter.none(), 0, 10).items().stream()
            .filter(a -> "web-01".equals(a.hostName()))
            .findFirst()
            .orElseThrow();
    assertThat(web.domain()).isEqualTo("corp.example.com");
    assertThat(web.macAddresses()).containsExactly("3c:06:30:1e:8d:e4", "3c:06:30:1e:8d:e5");
    assertThat(web.ipv4Addresses()).containsExactly("10.0.0.5");
    assertThat(web.ipv6Addresses()).containsExactly("fe80::1");
    assertThat(web.sourceTags())
        .extracting(AssetTag::kind, AssetTag::tag)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("server", "tier0"),
            org.assertj.core.groups.Tuple.tuple("tag", "pci"),
            org.assertj.core.groups.Tuple.tuple("team", "payments"));
    assertThat(web.sourceTags()).allSatisfy(t -> assertThat(t.source()).isEqualTo("memory"));
    AssetView detail = inventory.asset(web.id()).orElseThrow();
    assertThat(detail.sources().get(0).attributes().get("macAddress").toString())
        .contains("3C-06-30-1E-8D-E4");
  }

  @Test
  void shouldLeaveTheCheckpointWhereItWasWhenAPageCommitFails() {
    UUID id = register(MACHINES, ISSUES);
    jdbc.update(
        "CREATE OR REPLACE FUNCTION refuse_i4() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.external_finding_id = 'i4' THEN RAISE EXCEPTION 'disk full'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql");
    jdbc.update(
        "CREATE TRIGGER swallow BEFORE INSERT ON detection FOR EACH ROW"
            + " EXECUTE FUNCTION refuse_i4()");
    try {
      SyncRun run = sync.execute(sync.request(id).runId());

      assertThat(run.state()).isEqualTo(RunState.ERRORED);
      assertThat(
              jdbc.query(
                  "SELECT stream FROM stream_checkpoint WHERE connector_id = ?",
                  rs -> rs.getString(1),
                  id))
          .containsExactly("machines");
      assertThat(jdbc.query("SELECT external_finding_id FROM detection", rs -> rs.getString(1)))
          .as("the failed page's rows roll back with its checkpoint")
          .isEmpty();
      assertThat(
              jdbc.query(
                  "SELECT source_record_id FROM source_asset WHERE from_snapshot",
                  rs -> rs.getString(1)))
          .isEmpty();
      assertThat(run.counters().streams()).containsOnlyKeys("machines");
    } finally {
      jdbc.update("DROP TRIGGER IF EXISTS swallow ON detection");
    }
  }

  @Test
  void shouldRecordTheFailureOnceTheDatabaseAnswersAgain() {
    UUID id = register(MACHINES, ISSUES);
    // The page fails, then the first two attempts to record the failure fail too, as they do
    // against a database that is restarting (a sequence: it counts across rolled-back attempts).
    jdbc.update(
        "CREATE OR REPLACE FUNCTION refuse_i4() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.external_finding_id = 'i4' THEN RAISE EXCEPTION 'disk full'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql");
    jdbc.update(
        "CREATE TRIGGER swallow BEFORE INSERT ON detection FOR EACH ROW"
            + " EXECUTE FUNCTION refuse_i4()");
    jdbc.update("CREATE SEQUENCE IF NOT EXISTS refused_recordings");
    jdbc.update(
        "CREATE OR REPLACE FUNCTION refuse_twice() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.state = 'ERRORED' AND nextval('refused_recordings') <= 2 THEN"
            + " RAISE EXCEPTION 'the database system is starting up'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql");
    jdbc.update(
        "CREATE TRIGGER refuse_twice BEFORE UPDATE ON sync_run FOR EACH ROW"
            + " EXECUTE FUNCTION refuse_twice()");
    try {
      SyncRun run = sync.execute(sync.request(id).runId());

      assertThat(run.state()).isEqualTo(RunState.ERRORED);
      assertThat(run.error().orElse("")).contains("disk full");
      assertThat(
              jdbc.query(
                  "SELECT message FROM sync_run_log WHERE run_id = ? ORDER BY at",
                  rs -> rs.getString(1),
                  run.runId()))
          .anyMatch(m -> m.startsWith("Run failed (recorded once the database answered again): "));
    } finally {
      jdbc.update("DROP TRIGGER IF EXISTS refuse_twice ON sync_run");
      jdbc.update("DROP TRIGGER IF EXISTS swallow ON detection");
      jdbc.update("DROP SEQUENCE IF EXISTS refused_recordings");
    }
  }

  @Test
  void shouldFailTheRunNamingTheStreamWhenTheStoreDoesNotHoldWhatItWasGiven() {
    // A trigger that silently swallows one detection: the store no longer holds what the run sent.
    jdbc.update(
        "CREATE OR REPLACE FUNCTION swallow_i2() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.external_finding_id = 'i2' THEN RETURN NULL; END IF; RETURN NEW; END $$"
            + " LANGUAGE plpgsql");
    jdbc.update(
        "CREATE TRIGGER swallow BEFORE INSERT ON detection FOR EACH ROW"
            + " EXECUTE FUNCTION swallow_i2()");
    try {
      SyncRun run = sync.execute(sync.request(register(MACHINES, ISSUES)).runId());

      assertThat(run.state()).isEqualTo(RunState.ERRORED);
      assertThat(run.error())
          .get()
          .asString()
          .startsWith(
              "Stream 'issues' cannot account for 1 of 6 record(s) it fetched (stored 2,"
                  + " rejected 3)");
      assertThat(run.counters().streams().get("issues").unaccounted()).isEqualTo(1);
    } finally {
      jdbc.update("DROP TRIGGER IF EXISTS swallow ON detection");
    }
  }
}
