package dev.sightline.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a page's findings become COPY lines, and why stored hashes stay valid across the change. */
class FindingEncodingTest {
  private static final UUID CONNECTOR = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  private static FindingRow finding(String id, String asset, Map<String, Object> attributes) {
    return new FindingRow(
        id,
        asset,
        "Name",
        "CVE-2024-0001",
        4,
        "HIGH",
        null,
        new BigDecimal("9.80"),
        "open",
        null,
        null,
        "tab\there, line\nbreak, back\\slash, nul\0, é",
        null,
        Instant.parse("2026-01-02T03:04:05Z"),
        null,
        null,
        "Product",
        true,
        attributes);
  }

  /** The hash as it was computed before COPY: the sorted attributes with the asset beside them. */
  private static String hashAsBefore(FindingRow r) {
    Map<String, Object> hashed = new TreeMap<>(r.attributes());
    hashed.put("@asset", r.assetSourceId());
    return InventoryWriter.hash(hashed);
  }

  private static String encodedHash(FindingRow r) {
    String line = InventoryWriter.encodeFindings(CONNECTOR, List.of(r)).lines().get(0);
    String[] values = line.substring(0, line.length() - 1).split("\t", -1);
    return values[values.length - 1];
  }

  @Test
  void shouldHashExactlyAsBeforeSoAStoredDetectionIsNotSeenAsChanged() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", 1);
    nested.put("a", List.of("x", "y"));
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("status", "open");
    attributes.put("cve", nested);
    attributes.put("seen", Instant.parse("2026-01-02T03:04:05Z"));
    attributes.put("score", new BigDecimal("7.5"));
    attributes.put("none", null);
    for (Map<String, Object> a :
        List.of(
            attributes,
            Map.<String, Object>of(),
            Map.<String, Object>of("1st", "a digit sorts before @"),
            Map.<String, Object>of("@asset", "the asset key itself"),
            Map.<String, Object>of("Upper", "an upper-case key"))) {
      FindingRow r = finding("v1", "aid-1", a);
      assertThat(encodedHash(r)).as("attributes %s", a).isEqualTo(hashAsBefore(r));
    }
    FindingRow noAsset = finding("v1", null, attributes);
    assertThat(encodedHash(noAsset)).isEqualTo(hashAsBefore(noAsset));
  }

  @Test
  void shouldEscapeTabsLineBreaksAndBackslashesAndReplaceNul() {
    String line =
        InventoryWriter.encodeFindings(CONNECTOR, List.of(finding("v1", "aid", Map.of())))
            .lines()
            .get(0);
    assertThat(line).endsWith("\n").doesNotContain("\0");
    assertThat(line.substring(0, line.length() - 1).split("\t", -1)).hasSize(21);
    assertThat(line)
        .contains("tab\\there, line\\nbreak, back\\\\slash, nul\uFFFD, é")
        .contains("\t2026-01-02T03:04:05Z\t")
        .contains("\t9.80\t")
        .contains("\t\\N\t");
  }

  @Test
  void shouldKeepTheLastOfEachExternalIdAndCountWhatWasReceived() {
    var batch =
        InventoryWriter.encodeFindings(
            CONNECTOR,
            List.of(
                finding("v1", "a", Map.of("n", 1)),
                finding("v2", "a", Map.of()),
                finding("v1", "b", Map.of("n", 2))));
    assertThat(batch.received()).isEqualTo(3);
    assertThat(batch.rows()).extracting(FindingRow::assetSourceId).containsExactly("b", "a");
    var onlyB = batch.only(r -> r.assetSourceId().equals("b"), 2);
    assertThat(onlyB.rows()).hasSize(1);
    assertThat(onlyB.lines()).hasSize(1).allMatch(l -> l.startsWith("v1\tb\t"));
    assertThat(onlyB.received()).isEqualTo(2);
  }

  @Test
  void shouldKeyAFindingWithoutCveByConnectorAndVendorId() {
    FindingRow r = finding("v9", "aid", Map.of());
    FindingRow noCve =
        new FindingRow(
            r.externalFindingId(),
            r.assetSourceId(),
            r.findingName(),
            null,
            r.findingSeverity(),
            r.sourceSeverity(),
            r.cvssV2Base(),
            r.cvssV3Base(),
            r.findingStatus(),
            r.findingSubType(),
            r.detectionMethod(),
            r.findingDescription(),
            r.recommendation(),
            r.firstFoundOn(),
            r.lastFoundOn(),
            r.fixedOn(),
            r.vendorProductName(),
            r.open(),
            r.attributes());
    String line = InventoryWriter.encodeFindings(CONNECTOR, List.of(noCve)).lines().get(0);
    assertThat(line.split("\t")[2]).isEqualTo("vendor:" + CONNECTOR + ":v9");
  }
}
