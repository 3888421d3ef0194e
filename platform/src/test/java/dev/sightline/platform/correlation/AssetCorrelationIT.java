package dev.sightline.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.InventoryWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Correlation on real PostgreSQL, including the traps of real fleets. */
@ExtendWith(PostgresExtension.class)
class AssetCorrelationIT {
  private final Jdbc jdbc;
  private final InventoryWriter writer = new InventoryWriter();
  private final AssetCorrelator correlator = new AssetCorrelator();
  private final UUID crowdstrike = UUID.randomUUID();
  private final UUID cortex = UUID.randomUUID();

  AssetCorrelationIT(DataSource ds) {
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

  private static AssetRow row(
      String id,
      String host,
      String domain,
      String serial,
      String maker,
      List<String> macs,
      List<String> ips) {
    return new AssetRow(
        id,
        id,
        host,
        host,
        null,
        domain,
        "Server",
        "Windows",
        null,
        serial,
        maker,
        ips,
        macs,
        null,
        null,
        null,
        null,
        List.of(),
        Map.of("hostName", host, "serial", String.valueOf(serial), "macs", macs, "ips", ips));
  }

  private void store(UUID connector, AssetRow... rows) {
    jdbc.inTransaction(
        c -> {
          var outcome =
              writer.upsertAssets(
                  c, connector, UUID.randomUUID(), List.of(rows), Instant.now(Clock.systemUTC()));
          correlator.correlate(c, outcome.written(), Instant.now(Clock.systemUTC()));
          return null;
        });
  }

  private long assets() {
    return jdbc.queryOne(
            "SELECT count(*) FROM asset a WHERE EXISTS"
                + " (SELECT 1 FROM source_asset s WHERE s.asset_id = a.id)",
            rs -> rs.getLong(1))
        .orElseThrow();
  }

  private String ruleOf(String sourceRecordId) {
    return jdbc.queryOne(
            "SELECT link_rule FROM source_asset WHERE source_record_id = ?",
            rs -> rs.getString(1),
            sourceRecordId)
        .orElseThrow();
  }

  @Test
  void shouldShowAMachineSeenByTwoVendorsAsOneAssetWithTheReason() {
    store(
        crowdstrike,
        row(
            "aid-1",
            "WS-01",
            "corp.example.com",
            "D163KRM",
            "Dell Inc.",
            List.of("D4-81-D7-40-ED-EC"),
            List.of("10.0.0.5")));
    store(
        cortex,
        row(
            "ep-9",
            "ws-01.corp.example.com",
            "corp.example.com",
            "d163krm",
            "DELL",
            List.of("d4:81:d7:40:ed:ec"),
            List.of("10.0.0.5")));

    assertThat(assets()).isEqualTo(1);
    assertThat(ruleOf("ep-9")).isEqualTo("SERIAL_MANUFACTURER");
    assertThat(ruleOf("aid-1")).isEqualTo("NEW_ASSET");
  }

  @Test
  void shouldKeepTwoMachinesWithOneHostnameApartWhenTheirSerialsDiffer() {
    store(
        crowdstrike,
        row("aid-1", "WEB-01", "corp", "SER-AAAA", "Dell Inc.", List.of(), List.of()),
        row("aid-2", "WEB-01", "corp", "SER-BBBB", "Dell Inc.", List.of(), List.of()));
    assertThat(assets()).isEqualTo(2);
  }

  @Test
  void shouldMergeAReimagedMachineByItsSerial() {
    store(
        crowdstrike,
        row("old-aid", "LAPTOP-7", "corp", "PF3ABCDE", "LENOVO", List.of(), List.of()),
        row("new-aid", "LAPTOP-7-NEW", "corp", "PF3ABCDE", "Lenovo", List.of(), List.of()));
    assertThat(assets()).isEqualTo(1);
    assertThat(ruleOf("new-aid")).isEqualTo("SERIAL_MANUFACTURER");
  }

  @Test
  void shouldIgnorePlaceholderSerialsAndVirtualMacs() {
    store(
        crowdstrike,
        row(
            "a",
            "HOST-A",
            "corp",
            "To Be Filled By O.E.M.",
            "ASUS",
            List.of("00-50-56-11-22-33"),
            List.of()),
        row(
            "b",
            "HOST-B",
            "corp",
            "To Be Filled By O.E.M.",
            "ASUS",
            List.of("00-50-56-11-22-33"),
            List.of()));
    assertThat(assets()).isEqualTo(2);
  }

  @Test
  void shouldNeverLinkOnAnIpAddressAlone() {
    store(
        crowdstrike,
        row("a", "HOST-A", null, null, null, List.of(), List.of("10.1.1.1")),
        row("b", "HOST-B", null, null, null, List.of(), List.of("10.1.1.1")));
    assertThat(assets()).isEqualTo(2);
  }

  @Test
  void shouldNotSplitAHostWhoseIpMoved() {
    store(
        crowdstrike, row("a", "HOST-A", "corp", "SN-12345", "HP", List.of(), List.of("10.1.1.1")));
    store(cortex, row("e", "host-a", "corp", "SN-12345", "HP", List.of(), List.of("10.1.1.1")));
    store(
        crowdstrike, row("a", "HOST-A", "corp", "SN-12345", "HP", List.of(), List.of("10.9.9.9")));
    assertThat(assets()).isEqualTo(1);
  }

  @Test
  void shouldKeepAnUnlinkedMergeSplitWhenTheRecordsComeAgain() {
    store(crowdstrike, row("a", "HOST-A", "corp", "SN-12345", "HP", List.of(), List.of()));
    store(cortex, row("e", "host-a", "corp", "SN-12345", "HP", List.of(), List.of()));
    long asset =
        jdbc.queryOne(
                "SELECT asset_id FROM source_asset WHERE source_record_id = 'a'",
                rs -> rs.getLong(1))
            .orElseThrow();

    new AssetLinks(
            jdbc,
            Clock.systemUTC(),
            new dev.sightline.platform.rescoring.ScoreRefresher(
                jdbc,
                new dev.sightline.platform.rescoring.ScoringSettings(
                    jdbc,
                    Clock.systemUTC(),
                    new dev.sightline.platform.rescoring.SeverityDefaults(
                        dev.sightline.platform.connectors.ConnectorCatalog.discover())),
                Clock.systemUTC()))
        .unlink(asset, List.of());
    assertThat(assets()).isEqualTo(2);

    store(cortex, row("e", "host-a", "corp", "SN-12345", "HP", List.of(), List.of("10.2.2.2")));
    store(
        crowdstrike, row("a", "HOST-A", "corp", "SN-12345", "HP", List.of(), List.of("10.3.3.3")));
    assertThat(assets()).isEqualTo(2);
    assertThat(ruleOf("e")).isEqualTo("SPLIT_BY_USER");
  }

  @Test
  void shouldLinkAVmWithoutDomainByItsHostnameAndVirtualNic() {
    store(
        crowdstrike,
        row(
            "aid-vm",
            "prd-cache-10102",
            null,
            "VMware-42 82 a7 88 97 42 af c0-44 30 85 ae b6 4e 63 b2",
            "Phoenix Technologies LTD",
            List.of("00-50-56-5A-9D-50"),
            List.of()));
    store(
        cortex,
        row("ep-vm", "prd-cache-10102", null, null, null, List.of("00:50:56:5a:9d:50"), List.of()));
    assertThat(assets()).isEqualTo(1);
    assertThat(ruleOf("ep-vm")).isEqualTo("HOSTNAME_VIRTUAL_MAC");
  }
}
