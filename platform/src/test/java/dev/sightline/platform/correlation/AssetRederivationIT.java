package dev.sightline.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.InventoryWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After a source's records are removed, the merged inventory is what the remaining records make of
 * it: records held together only through a removed one part; records that still match stay in their
 * asset, their links explained anew; an asset with no record left goes.
 */
@ExtendWith(PostgresExtension.class)
class AssetRederivationIT {
  private static final Instant NOW = Instant.parse("2026-05-13T11:07:00Z");

  private final Jdbc jdbc;
  private final InventoryWriter writer = new InventoryWriter();
  private final UUID first = UUID.randomUUID();
  private final UUID purged = UUID.randomUUID();
  private final UUID third = UUID.randomUUID();

  AssetRederivationIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void connectors() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    for (UUID id : List.of(first, purged, third)) {
      jdbc.update(
          "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
              + " created_at, updated_at) VALUES (?, 'test', ?, '{}', '\\x00'::bytea,"
              + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
          id,
          id.toString());
    }
  }

  private static AssetRow row(String id, String host, String serial) {
    return new AssetRow(
        id,
        id,
        host,
        host,
        null,
        "corp",
        "Server",
        "Windows",
        null,
        serial,
        serial == null ? null : "Dell Inc.",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        Map.of("hostName", host));
  }

  private void store(UUID connector, AssetRow row) {
    jdbc.inTransaction(
        c -> {
          var outcome = writer.upsertAssets(c, connector, UUID.randomUUID(), List.of(row), NOW);
          new AssetCorrelator().correlate(c, outcome.written(), NOW);
          return null;
        });
  }

  private long assetOf(String record) {
    return jdbc.queryOne(
            "SELECT asset_id FROM source_asset WHERE source_record_id = ?",
            rs -> rs.getLong(1),
            record)
        .orElseThrow();
  }

  private String linkOf(String record) {
    return jdbc.queryOne(
            "SELECT link_rule || coalesce(' to ' || (SELECT t.source_record_id FROM source_asset t"
                + " WHERE t.id = s.linked_to), '') FROM source_asset s WHERE source_record_id = ?",
            rs -> rs.getString(1),
            record)
        .orElseThrow();
  }

  /** Deletes the purged connector's records as a purge does, then re-derives their assets. */
  private List<Long> removePurgedRecords() {
    return jdbc.inTransaction(
        c -> {
          List<Long> touched =
              Jdbc.query(
                  c,
                  "SELECT DISTINCT asset_id FROM source_asset WHERE connector_id = ?",
                  rs -> rs.getLong(1),
                  purged);
          Jdbc.update(c, "DELETE FROM source_asset WHERE connector_id = ?", purged);
          return new AssetRederivation().afterRemoval(c, touched, NOW);
        });
  }

  private long assets() {
    return jdbc.queryOne("SELECT count(*) FROM asset", rs -> rs.getLong(1)).orElseThrow();
  }

  @Test
  void shouldPartRecordsThatOnlyTheRemovedRecordHeldTogether() {
    store(first, row("x", "HOST-X", "SER-0001"));
    store(purged, row("y", "HOST-Z", "SER-0001")); // the serial of x, the name of z
    store(third, row("z", "HOST-Z", null));
    long asset = assetOf("x");
    assertThat(assetOf("z")).as("joined through y").isEqualTo(asset);

    List<Long> rederived = removePurgedRecords();

    assertThat(assetOf("x")).as("the asset stays with its founder").isEqualTo(asset);
    assertThat(assetOf("z")).isNotEqualTo(asset);
    assertThat(linkOf("z")).isEqualTo("NEW_ASSET");
    assertThat(rederived).containsExactlyInAnyOrder(asset, assetOf("z"));
    assertThat(assets()).isEqualTo(2);
  }

  @Test
  void shouldKeepTogetherWhatStillMatchesAndExplainItsLinkAnew() {
    store(purged, row("y", "HOST-Y", "SER-0002")); // founds the asset
    store(first, row("x", "HOST-X", "SER-0002"));
    store(third, row("z", "HOST-Z", "SER-0002"));
    long asset = assetOf("x");
    assertThat(linkOf("x")).isEqualTo("SERIAL_MANUFACTURER to y");

    removePurgedRecords();

    assertThat(assetOf("x")).isEqualTo(asset);
    assertThat(assetOf("z")).isEqualTo(asset);
    assertThat(linkOf("x")).isEqualTo("KEPT_AFTER_PURGE");
    assertThat(linkOf("z")).isEqualTo("SERIAL_MANUFACTURER to x");
    assertThat(assets()).isEqualTo(1);
  }

  @Test
  void shouldRemoveAnAssetLeftWithoutRecords() {
    store(first, row("x", "HOST-X", "SER-0003"));
    store(purged, row("alone", "HOST-A", "SER-0004"));

    List<Long> rederived = removePurgedRecords();

    assertThat(rederived).containsExactly();
    assertThat(assets()).isEqualTo(1);
  }
}
