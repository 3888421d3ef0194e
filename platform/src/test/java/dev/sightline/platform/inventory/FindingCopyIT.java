package dev.sightline.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records staged by COPY and merged arrive exactly as the vendor sent them, on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class FindingCopyIT {
  private final Jdbc jdbc;
  private final InventoryWriter writer = new InventoryWriter();
  private final UUID connector = UUID.randomUUID();
  private final Instant now = Instant.parse("2026-12-07T00:00:00Z");

  FindingCopyIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void connector() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    jdbc.update(
        "INSERT INTO connector (id, type, name, settings, secrets, data_scope, state,"
            + " created_at, updated_at) VALUES (?, 'test', 'copy', '{}', '\\x00'::bytea,"
            + " 'ASSETS_AND_FINDINGS', 'REGISTERED', now(), now())",
        connector);
  }

  private static FindingRow finding(String id, String description, Map<String, Object> attrs) {
    return new FindingRow(
        id,
        "aid-1",
        "Name\twith a tab",
        "CVE-2024-0001",
        5,
        "CRITICAL",
        new BigDecimal("7.5"),
        new BigDecimal("9.8"),
        "open",
        null,
        null,
        description,
        "Update to 1.2.3\r\nthen restart",
        Instant.parse("2026-01-02T03:04:05.123Z"),
        null,
        null,
        "Product",
        true,
        attrs);
  }

  private InventoryWriter.Outcome write(FindingRow... rows) {
    UUID run = UUID.randomUUID();
    return jdbc.inTransaction(c -> writer.upsertFindings(c, connector, run, List.of(rows), now));
  }

  @Test
  void shouldStoreEveryCharacterAndValueAsSent() {
    String description = "back\\slash, \"quotes\", line\nbreak, tab\t, unicode é ✓ 𝄞, \\N";
    write(finding("v1", description, Map.of("text", "a\tb\\c", "n", 3)));

    assertThat(
            jdbc.queryOne(
                "SELECT finding_description, finding_name, recommendation, cvss_v3_base,"
                    + " first_found_on, attributes->>'text', finding_key, open"
                    + " FROM detection WHERE external_finding_id = 'v1'",
                rs ->
                    List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4).toPlainString(),
                        rs.getTimestamp(5).toInstant().toString(),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8))))
        .contains(
            List.of(
                description,
                "Name\twith a tab",
                "Update to 1.2.3\r\nthen restart",
                "9.8",
                "2026-01-02T03:04:05.123Z",
                "a\tb\\c",
                "CVE-2024-0001",
                true));
  }

  @Test
  void shouldTellNewChangedAndUnchangedAcrossPagesOfOneConnection() {
    InventoryWriter.Outcome first =
        write(finding("v1", "d", Map.of("n", 1)), finding("v2", "d", Map.of("n", 1)));
    assertThat(first.created()).isEqualTo(2);

    InventoryWriter.Outcome second =
        write(finding("v1", "d", Map.of("n", 1)), finding("v2", "d", Map.of("n", 2)));
    assertThat(List.of(second.created(), second.updated(), second.unchanged()))
        .containsExactly(0L, 1L, 1L);
    assertThat(jdbc.queryOne("SELECT count(*) FROM detection", rs -> rs.getLong(1))).contains(2L);
  }

  @Test
  void shouldReplaceANulCharacterThatPostgresqlTextCannotHold() {
    write(finding("v1", "before\0after", Map.of()));
    assertThat(jdbc.queryOne("SELECT finding_description FROM detection", rs -> rs.getString(1)))
        .contains("before\uFFFDafter");
  }

  @Test
  void shouldStoreASourceRecordsListsAndTagsAsSent() {
    AssetRow host =
        new AssetRow(
            "aid-1",
            "aid-1",
            "HOST\t1",
            "host-1",
            null,
            "corp",
            "Server",
            "Windows",
            null,
            "SN-1",
            "Dell",
            List.of("10.0.0.1", "fe80::1"),
            List.of("00-11-22-33-44-55"),
            null,
            Instant.parse("2026-12-01T00:00:00Z"),
            null,
            null,
            List.of(
                new SourceTag("say \"hi\"", "group"),
                new SourceTag("back\\slash, {braces}", "tag")),
            Map.of("id", "aid-1"));
    UUID run = UUID.randomUUID();
    InventoryWriter.Outcome first =
        jdbc.inTransaction(c -> writer.upsertAssets(c, connector, run, List.of(host), now));
    InventoryWriter.Outcome again =
        jdbc.inTransaction(c -> writer.upsertAssets(c, connector, run, List.of(host), now));

    assertThat(List.of(first.created(), again.unchanged())).containsExactly(1L, 1L);
    assertThat(
            jdbc.queryOne(
                "SELECT asset_name, array_to_string(ip_addresses, '|'),"
                    + " array_to_string(source_tags, '|'), tags->1->>'tag', key_host"
                    + " FROM source_asset",
                rs ->
                    java.util.Arrays.asList(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5))))
        .contains(
            List.of(
                "HOST\t1",
                "10.0.0.1|fe80::1",
                "say \"hi\"|back\\slash, {braces}",
                "back\\slash, {braces}",
                "host-1"));
  }
}
