package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CrowdStrike connector's default map, read from the connector module's sources (this module
 * must not depend on the connector), against the product seed's table and real vendor responses.
 */
class CrowdStrikeMapTest {

  /**
   * The seed's "Crowdstrike Spotlight Vulnerability Map", row for row: source attribute key, target
   * attribute label, required mark, and the record kind the row applies to.
   */
  private record SeedRow(String source, String target, boolean required, RecordKind kind) {}

  private static final List<SeedRow> SEED_TABLE =
      List.of(
          new SeedRow("network_interfaces[].local_ip", "externalAssetId", true, ASSET),
          new SeedRow("Vulnerability Id", "findingName", true, FINDING),
          new SeedRow("id", "externalFindingId", true, FINDING),
          new SeedRow("CVE Severity", "findingSeverity", true, FINDING),
          new SeedRow("Remediation Entities action", "recommendation", false, FINDING),
          new SeedRow("Status", "findingStatus", false, FINDING),
          new SeedRow("Updated Timestamp", "findingLastFoundOn", false, FINDING),
          new SeedRow("os_version", "operatingSystemName", false, ASSET),
          new SeedRow("Data Provider", "detectionMethod", false, FINDING),
          new SeedRow("CVE Id", "cveId", false, FINDING),
          new SeedRow("CVE Description", "findingDescription", false, FINDING),
          new SeedRow("CVE Base Score", "cvssV2Base", false, FINDING),
          new SeedRow("confidence", "findingSubType", false, FINDING),
          new SeedRow("system_serial_number", "biosInfoSerialNumber", false, ASSET),
          new SeedRow("bios_manufacturer", "biosInfoManufacturer", false, ASSET),
          new SeedRow("hostname", "assetName", false, ASSET),
          new SeedRow("network_interfaces[].mac_address", "macAddress", false, ASSET),
          new SeedRow("network_interfaces[].local_ip", "ipAddress", false, ASSET));

  private static TransformMap map;

  @BeforeAll
  static void loadTheShippedMap() throws IOException {
    Path file = Workspace.crowdStrikeMapFile();
    try (InputStream in = Files.newInputStream(file)) {
      map = TransformMap.parse(in, file.toString());
    }
  }

  @Test
  void shouldCarryTheSeedsNameAndEveryRowOfItsTable() {
    assertThat(map.name()).isEqualTo("Crowdstrike Spotlight Vulnerability Map");
    for (SeedRow seed : SEED_TABLE) {
      assertThat(map.fields(seed.kind()))
          .as("seed row %s -> %s", seed.source(), seed.target())
          .anySatisfy(
              f -> {
                assertThat(f.sourceLabel()).isEqualTo(seed.source());
                assertThat(f.target()).isEqualTo(seed.target());
                assertThat(f.required()).isEqualTo(seed.required());
                assertThat(f.fromSeed()).isTrue();
              });
    }
  }

  @Test
  void shouldMarkOnlyTheSeedsRowsAsSeedAndExplainEveryOtherRow() {
    List<FieldMapping> seedRows = map.fields().stream().filter(FieldMapping::fromSeed).toList();
    List<FieldMapping> added = map.fields().stream().filter(f -> !f.fromSeed()).toList();

    assertThat(seedRows).hasSize(SEED_TABLE.size());
    assertThat(added)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.note()).startsWith("Not in the seed"));
    assertThat(added).noneMatch(FieldMapping::required);
  }

  @Test
  void shouldKeepTheSeedsValueMapsAndSeverityDefault() {
    assertThat(row(FINDING, "findingSubType").valueMap())
        .containsExactly(Map.entry("confirmed", "Confirmed"));
    FieldMapping severity = row(FINDING, "findingSeverity");
    assertThat(severity.valueMap())
        .containsExactly(
            Map.entry("CRITICAL", "5"),
            Map.entry("HIGH", "4"),
            Map.entry("MEDIUM", "3"),
            Map.entry("LOW", "2"),
            Map.entry("NONE", "1"));
    assertThat(severity.defaultValue()).contains("2");
  }

  @Test
  void shouldAddTheRowsThePlatformNeeds() {
    assertThat(map.fields(ASSET))
        .extracting(FieldMapping::target)
        .contains(
            "hostName",
            "fqdn",
            "domain",
            "assetType",
            "firstFoundDate",
            "lastSeen",
            "cloudProvider",
            "cloudInstanceId",
            "sourceTags");
    assertThat(map.fields(FINDING))
        .extracting(FieldMapping::target)
        .contains(
            "firstFoundOn",
            "fixedOn",
            "sourceSeverity",
            "cvssV3Base",
            "knownExploited",
            "exploitMaturity",
            "vendorRiskRating",
            "vendorCvss")
        .doesNotContain("vendorProductName");
  }

  @Test
  void shouldMapEveryRecordOfTheRealSpotlightSamplePage() throws IOException {
    JsonNode page =
        readJson(
            Workspace.shared()
                .resolve(
                    "vendors/samples/crowdstrike/spotlight_combined_vulnerabilities_v1_facet_cve_page.json"));
    List<MappingResult> results = new ArrayList<>();
    page.get("resources").forEach(r -> results.add(map.apply(r, FINDING)));

    assertThat(results)
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.accepted()).isTrue();
              assertThat(r.problems()).isEmpty();
            });
    MappedRecord first = results.get(0).record();
    assertThat(first.string("externalFindingId"))
        .contains("8fc65315612b4f6b96d356ad11cd0e6a_e9f394863e943aeba997339d28cc4c49");
    // This older page has no vulnerability_id; the expression falls back to the CVE id.
    assertThat(first.string("findingName")).contains("CVE-2023-2725");
    assertThat(first.string("cveId")).contains("CVE-2023-2725");
    assertThat(first.integer("findingSeverity")).contains(4L);
    assertThat(first.string("sourceSeverity")).contains("HIGH");
    assertThat(first.string("findingStatus")).contains("open");
    assertThat(first.instant("findingLastFoundOn")).contains(Instant.parse("2023-05-19T21:04:49Z"));
    assertThat(first.instant("firstFoundOn")).contains(Instant.parse("2023-05-19T21:04:49Z"));
    assertThat(first.instant("fixedOn")).isEmpty();
    assertThat(first.decimal("cvssV2Base")).contains(new BigDecimal("8.8"));
    assertThat(first.decimal("cvssV3Base")).contains(new BigDecimal("8.8"));
    assertThat(first.string("findingDescription"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("Use after free in Guest View"));
    assertThat(first.decimal("exploitMaturity")).contains(new BigDecimal("0"));
    assertThat(first.bool("knownExploited")).contains(false);
    assertThat(first.string("vendorRiskRating")).contains("MEDIUM");
    assertThat(first.decimal("vendorCvss")).contains(new BigDecimal("8.8"));
    // Only facet=cve was asked for: no remediation, and this page predates
    // data_providers/confidence.
    assertThat(first.targets())
        .doesNotContain("recommendation", "detectionMethod", "findingSubType");
    assertThat(results.get(4).record().integer("findingSeverity")).contains(5L);
  }

  @Test
  void shouldMapTheNewerSpotlightRecordWithVulnerabilityIdAndDataProviders() throws IOException {
    JsonNode har =
        readJson(
            Workspace.shared()
                .resolve(
                    "vendors/samples/crowdstrike/j1_har_token_and_spotlight_combined_last_page.har.json"));
    JsonNode page = Maps.record(har.at("/log/entries/1/response/content/text").textValue());

    MappingResult result = map.apply(page.at("/resources/0"), FINDING);

    assertThat(result.problems()).isEmpty();
    MappedRecord record = result.record();
    assertThat(record.string("findingName")).contains("CVE-2023-41992");
    assertThat(record.string("detectionMethod")).contains("Falcon sensor");
    assertThat(record.bool("knownExploited")).as("CISA KEV and exploit status 90").contains(true);
    assertThat(record.decimal("exploitMaturity")).contains(new BigDecimal("1"));
    assertThat(record.string("vendorRiskRating")).contains("CRITICAL");
    assertThat(record.decimal("cvssV3Base")).contains(new BigDecimal("7.8"));
  }

  @Test
  void shouldMapAFullFindingWithRemediationAndConfidence() {
    JsonNode vulnerability =
        Maps.record(
            """
            {"id":"aid1_0123456789abcdef0123456789abcdef","aid":"aid1","vulnerability_id":"CVE-2021-44228",
             "status":"closed","confidence":"confirmed","created_timestamp":"2023-01-02T03:04:05Z",
             "updated_timestamp":"2023-02-02T03:04:05Z","closed_timestamp":"2023-02-02T03:04:05Z",
             "data_providers":[{"provider":"Falcon sensor"},{"provider":"Falcon Network Scan"}],
             "cve":{"id":"CVE-2021-44228","severity":"UNKNOWN","base_score":10.0,"vector":"AV:N/AC:L/Au:N/C:C/I:C/A:C"},
             "remediation":{"ids":["r1","r2"],"entities":[
               {"id":"r1","action":"Update Apache Log4j to 2.17.1","title":"Log4j"},
               {"id":"r2","action":"Remove JndiLookup.class","title":"Mitigation"}]}}
            """);

    MappingResult result = map.apply(vulnerability, FINDING);

    assertThat(result.problems()).isEmpty();
    MappedRecord record = result.record();
    assertThat(record.string("findingSubType")).contains("Confirmed");
    assertThat(record.string("recommendation")).contains("Update Apache Log4j to 2.17.1");
    assertThat(record.string("detectionMethod")).contains("Falcon sensor");
    assertThat(record.integer("findingSeverity"))
        .as("UNKNOWN takes the seed's default")
        .contains(2L);
    assertThat(record.instant("fixedOn")).contains(Instant.parse("2023-02-02T03:04:05Z"));
    assertThat(record.decimal("cvssV2Base")).contains(new BigDecimal("10.0"));
    assertThat(record.decimal("cvssV3Base")).as("a CVSS 2 vector").isEmpty();
  }

  @Test
  void shouldMapADiscoverHost() throws IOException {
    JsonNode hosts = discoverHosts();

    MappingResult result = map.apply(hosts.at("/resources/0"), ASSET);

    assertThat(result.problems()).isEmpty();
    MappedRecord host = result.record();
    assertThat(host.string("externalAssetId")).contains("10.255.1.208");
    assertThat(host.strings("ipAddress")).containsExactly("10.255.1.208", "10.255.2.17");
    assertThat(host.strings("macAddress"))
        .containsExactly("00-50-56-93-D7-C1", "00-50-56-93-D7-C2");
    assertThat(host.string("assetName")).contains("WEB-PROD-01");
    assertThat(host.string("hostName")).contains("WEB-PROD-01");
    assertThat(host.string("fqdn")).contains("web-prod-01.corp.example.com");
    assertThat(host.string("domain")).contains("corp.example.com");
    assertThat(host.string("operatingSystemName")).contains("Windows Server 2019");
    assertThat(host.string("assetType")).contains("Server");
    assertThat(host.string("biosInfoManufacturer")).contains("Phoenix Technologies LTD");
    assertThat(host.string("biosInfoSerialNumber"))
        .hasValueSatisfying(s -> assertThat(s).startsWith("VMware-42"));
    assertThat(host.instant("firstFoundDate")).contains(Instant.parse("2022-11-03T08:15:27Z"));
    assertThat(host.instant("lastSeen")).contains(Instant.parse("2023-05-19T21:04:49.512Z"));
    assertThat(host.string("cloudProvider")).contains("AWS");
    assertThat(host.string("cloudInstanceId")).contains("i-0a1b2c3d4e5f67890");
    assertThat(host.strings("sourceTags"))
        .containsExactly("SensorGroupingTags/prod", "FalconGroupingTags/web");
  }

  @Test
  void shouldRejectADiscoverHostWithoutInterfacesAndSayWhy() throws IOException {
    JsonNode hosts = discoverHosts();

    MappingResult result = map.apply(hosts.at("/resources/1"), ASSET);

    assertThat(result.accepted()).isFalse();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains(
                        "'externalAssetId'", "source 'network_interfaces[].local_ip'", "rejected"));
    assertThat(result.record().string("assetName")).contains("printer-3f");
  }

  private static FieldMapping row(RecordKind kind, String target) {
    Optional<FieldMapping> row =
        map.fields(kind).stream().filter(f -> f.target().equals(target)).findFirst();
    assertThat(row).as("row for %s %s", kind, target).isPresent();
    return row.get();
  }

  // A hand-written Discover response (no real one is public): the fields of domain.DiscoverAPIHost
  // per vendors/crowdstrike.md §3.1, with the upper-case dashed MACs Discover sends.
  private static JsonNode discoverHosts() throws IOException {
    try (InputStream in =
        CrowdStrikeMapTest.class.getResourceAsStream(
            "/crowdstrike/discover_entities_hosts_v1.json")) {
      return Maps.JSON.readTree(in);
    }
  }

  private static JsonNode readJson(Path file) throws IOException {
    return Maps.JSON.readTree(file.toFile());
  }
}
