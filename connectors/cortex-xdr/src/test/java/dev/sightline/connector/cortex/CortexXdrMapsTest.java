package dev.sightline.connector.cortex;

import static dev.sightline.connector.RecordKind.ASSET;
import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.RecordKind;
import dev.sightline.mapping.FieldMapping;
import dev.sightline.mapping.MappedRecord;
import dev.sightline.mapping.MappingResult;
import dev.sightline.mapping.TransformMap;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped maps against the product seed's two tables and real-shaped endpoint records. */
class CortexXdrMapsTest {

  /**
   * One row of a seed table: source field, flattened canonical target, required mark, record kind.
   */
  private record SeedRow(String source, String target, boolean required, RecordKind kind) {}

  private static final List<SeedRow> ASSET_TABLE =
      List.of(
          new SeedRow("endpoint_id", "externalAssetId", true, ASSET),
          new SeedRow("endpoint_name", "hostName", true, ASSET),
          new SeedRow("operating_system", "operatingSystemName", false, ASSET),
          new SeedRow("os_version", "operatingSystemVersion", false, ASSET),
          new SeedRow("domain", "domain", false, ASSET),
          new SeedRow("endpoint_type", "assetType", false, ASSET),
          new SeedRow("first_seen", "firstFoundDate", false, ASSET),
          new SeedRow("allIPs", "ipv4Address", false, ASSET),
          new SeedRow("ipv6", "ipv6Address", false, ASSET),
          new SeedRow("mac_address[]", "macAddress", false, ASSET),
          new SeedRow("tags.server_tags", "serverTags", false, ASSET),
          new SeedRow("tags.endpoint_tags", "endPointTags", false, ASSET));

  private static final List<SeedRow> VULNERABILITY_TABLE =
      List.of(
          new SeedRow("endpoint_id", "externalAssetId", true, ASSET),
          new SeedRow("endpoint_name", "hostName", true, ASSET),
          new SeedRow("operating_system", "operatingSystemName", false, ASSET),
          new SeedRow("os_version", "operatingSystemVersion", false, ASSET),
          new SeedRow("domain", "domain", false, ASSET),
          new SeedRow("endpoint_type", "assetType", false, ASSET),
          new SeedRow("first_seen", "firstFoundDate", false, ASSET),
          new SeedRow("allIPs", "ipAddress", false, ASSET),
          new SeedRow("ip", "ipv4Address", false, ASSET),
          new SeedRow("ipv6", "ipv6Address", false, ASSET),
          new SeedRow("mac_address[]", "macAddress", false, ASSET),
          new SeedRow("tags.server_tags", "serverTags", false, ASSET),
          new SeedRow("tags.endpoint_tags", "endPointTags", false, ASSET),
          new SeedRow("cves[].name", "externalFindingId", true, FINDING),
          new SeedRow("cves[].name", "cveId", false, FINDING),
          new SeedRow("cves[].severity", "findingSeverity", false, FINDING),
          new SeedRow("cves[].description", "findingDescription", false, FINDING),
          new SeedRow("cves[].publication_date", "firstFoundOn", false, FINDING),
          new SeedRow("cves[].severity_score", "sourceRiskScore", false, FINDING),
          new SeedRow("cves[].severity", "sourceSeverity", false, FINDING),
          new SeedRow("cves[].name", "findingName", false, FINDING),
          new SeedRow("cloud_provider", "cloudProvider", false, ASSET));

  private static final TransformMap ASSETS = load(CortexXdrConnectorFactory.ASSET_MAP);
  private static final TransformMap VULNERABILITIES =
      load(CortexXdrConnectorFactory.VULNERABILITY_MAP);

  @Test
  void shouldShipTheSeedsAssetMapRowForRowWithOnlyAssetRows() {
    assertThat(ASSETS.name()).isEqualTo("Cortex XDR Asset Transform Map");
    assertSeedRows(ASSETS, ASSET_TABLE);
    assertThat(ASSETS.fields(FINDING))
        .as("the platform takes findings from the first map with FINDING rows")
        .isEmpty();
    assertThat(ASSETS.fields())
        .filteredOn(f -> !f.fromSeed())
        .extracting(FieldMapping::target)
        .containsExactlyInAnyOrder(
            "sourceRecordId", "lastSeen", "cloudProvider", "cloudInstanceId");
  }

  @Test
  void shouldShipTheSeedsVulnerabilityMapRowForRow() {
    assertThat(VULNERABILITIES.name()).isEqualTo("Cortex XDR Vulnerability Transform Map");
    assertSeedRows(VULNERABILITIES, VULNERABILITY_TABLE);
    assertThat(VULNERABILITIES.fields())
        .filteredOn(f -> !f.fromSeed())
        .extracting(FieldMapping::target)
        .containsExactlyInAnyOrder("externalAssetId", "cvssV3Base", "vendorCvss");
  }

  @Test
  void shouldSayInEveryRowsNoteWhereADerivedFieldComesFrom() {
    for (TransformMap map : List.of(ASSETS, VULNERABILITIES)) {
      assertThat(map.fields())
          .filteredOn(
              f -> f.expression().equals("allIPs") || f.expression().equals("cloud_provider"))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.note()).contains("the connector adds it"));
      assertThat(map.fields()).allSatisfy(f -> assertThat(f.note()).isNotBlank());
    }
  }

  @Test
  void shouldKeepTheFilesInTheFormatTheConsoleSaves() throws IOException {
    for (String resource :
        List.of(CortexXdrConnectorFactory.ASSET_MAP, CortexXdrConnectorFactory.VULNERABILITY_MAP)) {
      try (InputStream in = resource(resource)) {
        assertThat(load(resource).toJson())
            .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void shouldMapTheRealGetEndpointSampleAsAnAsset() throws IOException {
    JsonNode reply =
        CortexXdrWire.JSON.readTree(
            Workspace.samples().resolve("demisto_CoreIRApiModule_get_endpoints.json").toFile());
    ObjectNode endpoint =
        CortexXdrEndpointFields.derive((ObjectNode) reply.path("reply").path("endpoints").get(0));

    MappingResult result = ASSETS.apply(endpoint, ASSET);

    assertThat(result.accepted()).as(result.problems().toString()).isTrue();
    MappedRecord asset = result.record();
    assertThat(asset.string("externalAssetId")).contains("1111");
    assertThat(asset.string("hostName")).contains("ip-3.3.3.3");
    assertThat(asset.string("assetType")).contains("Server");
    assertThat(asset.instant("firstFoundDate")).contains(Instant.ofEpochMilli(1575795969644L));
    assertThat(asset.instant("lastSeen")).contains(Instant.ofEpochMilli(1575875404040L));
    assertThat(asset.strings("ipv4Address")).containsExactly("3.3.3.3");
    assertThat(asset.string("domain")).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void shouldFillEverySeedAssetTargetFromANewerAgentsRecord() throws IOException {
    ObjectNode endpoint = CortexXdrEndpointFields.derive(fixture());

    MappedRecord asset = ASSETS.apply(endpoint, ASSET).record();

    for (SeedRow row : ASSET_TABLE) {
      assertThat(asset.targets()).as(row.target()).contains(row.target());
    }
    assertThat(asset.string("assetType")).contains("Workstation");
    assertThat(asset.string("operatingSystemName")).contains("Ubuntu 22.04");
    assertThat(asset.strings("ipv4Address"))
        .containsExactly("10.0.0.4", "172.17.0.1", "fe80::20d:3aff:fee0:2978");
    assertThat(asset.strings("macAddress"))
        .containsExactly("00:0d:3a:e0:29:78", "02:42:9a:1b:2c:3d");
    assertThat(asset.strings("serverTags")).containsExactly("prod", "linux");
    assertThat(asset.strings("endPointTags")).containsExactly("dev-team");
    assertThat(asset.string("cloudProvider")).contains("AZURE");
  }

  @Test
  void shouldMapEachCveOfAnEndpointAsAFindingAndFillEverySeedTarget() throws IOException {
    ObjectNode endpoint = CortexXdrEndpointFields.derive(fixture());
    endpoint
        .putArray("cves")
        .add(
            CortexXdrWire.JSON
                .createObjectNode()
                .put("name", "CVE-2024-3094")
                .put("severity", "CRITICAL")
                .put("description", "xz backdoor")
                .put("publication_date", 1711670400000L)
                .put("severity_score", 10.0));

    MappedRecord finding = VULNERABILITIES.apply(endpoint, FINDING).record();
    MappedRecord asset = VULNERABILITIES.apply(endpoint, ASSET).record();

    for (SeedRow row : VULNERABILITY_TABLE) {
      assertThat((row.kind() == FINDING ? finding : asset).targets())
          .as(row.target())
          .contains(row.target());
    }
    assertThat(finding.string("externalFindingId")).contains("CVE-2024-3094");
    assertThat(finding.string("cveId")).contains("CVE-2024-3094");
    assertThat(finding.integer("findingSeverity")).contains(5L);
    assertThat(finding.string("sourceSeverity")).contains("CRITICAL");
    assertThat(finding.decimal("sourceRiskScore")).contains(new BigDecimal("10.0"));
    assertThat(finding.instant("firstFoundOn")).contains(Instant.ofEpochMilli(1711670400000L));
    assertThat(finding.string("externalAssetId")).contains("0a1bfa94a47c4dc68a9738a47dc3f18a");
    assertThat(asset.strings("ipAddress")).contains("fe80::20d:3aff:fee0:2978");
    assertThat(asset.strings("ipv4Address")).containsExactly("10.0.0.4", "172.17.0.1");
  }

  @Test
  void shouldMapCortexSeveritiesThroughTheSeedsTableWithDefaultTwo() {
    assertThat(severity("CRITICAL")).isEqualTo(5);
    assertThat(severity("HIGH")).isEqualTo(4);
    assertThat(severity("medium")).isEqualTo(3);
    assertThat(severity("LOW")).isEqualTo(2);
    assertThat(severity("INFORMATIONAL")).isEqualTo(1);
    assertThat(severity("NONE")).isEqualTo(1);
    assertThat(severity("UNKNOWN")).isEqualTo(2);
    assertThat(severity(null)).isEqualTo(2);
  }

  private static long severity(String word) {
    ObjectNode record = CortexXdrWire.JSON.createObjectNode().put("endpoint_id", "e");
    ObjectNode cve = record.putArray("cves").addObject().put("name", "CVE-1");
    if (word != null) {
      cve.put("severity", word);
    }
    return VULNERABILITIES.apply(record, FINDING).record().integer("findingSeverity").orElseThrow();
  }

  private static void assertSeedRows(TransformMap map, List<SeedRow> table) {
    List<FieldMapping> seedRows = map.fields().stream().filter(FieldMapping::fromSeed).toList();
    assertThat(seedRows).hasSize(table.size());
    for (SeedRow seed : table) {
      assertThat(map.fields(seed.kind()))
          .as("seed row %s -> %s", seed.source(), seed.target())
          .anySatisfy(
              f -> {
                assertThat(f.sourceLabel()).isEqualTo(seed.source());
                assertThat(f.expression()).isEqualTo(seed.source());
                assertThat(f.target()).isEqualTo(seed.target());
                assertThat(f.required()).isEqualTo(seed.required());
                assertThat(f.fromSeed()).isTrue();
              });
    }
  }

  private static ObjectNode fixture() throws IOException {
    try (InputStream in =
        CortexXdrMapsTest.class.getResourceAsStream("/cortex-xdr/endpoint-agent8.json")) {
      return (ObjectNode) CortexXdrWire.JSON.readTree(in);
    }
  }

  private static InputStream resource(String name) {
    return CortexXdrMapsTest.class.getClassLoader().getResourceAsStream(name);
  }

  private static TransformMap load(String resource) {
    try (InputStream in = resource(resource)) {
      return TransformMap.parse(in, resource);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
