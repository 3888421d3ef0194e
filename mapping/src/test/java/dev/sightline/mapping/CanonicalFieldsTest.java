package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The whitelist of targets follows the canonical model of DESIGN.md. */
class CanonicalFieldsTest {

  @Test
  void shouldTypeTheAssetTargets() {
    assertThat(CanonicalFields.of(ASSET))
        .containsEntry("externalAssetId", FieldType.STRING)
        .containsEntry("ipAddress", FieldType.STRING_LIST)
        .containsEntry("ipv4Address", FieldType.STRING_LIST)
        .containsEntry("ipv6Address", FieldType.STRING_LIST)
        .containsEntry("macAddress", FieldType.STRING_LIST)
        .containsEntry("firstFoundDate", FieldType.INSTANT)
        .containsEntry("lastSeen", FieldType.INSTANT)
        .containsEntry("serverTags", FieldType.STRING_LIST)
        .containsEntry("endPointTags", FieldType.STRING_LIST)
        .containsEntry("sourceTags", FieldType.STRING_LIST)
        .containsKeys(
            "assetName",
            "hostName",
            "fqdn",
            "domain",
            "assetType",
            "operatingSystemName",
            "operatingSystemVersion",
            "biosInfoSerialNumber",
            "biosInfoManufacturer",
            "cloudProvider",
            "cloudInstanceId");
  }

  @Test
  void shouldTypeTheFindingTargets() {
    assertThat(CanonicalFields.of(FINDING))
        .containsEntry("findingSeverity", FieldType.INTEGER)
        .containsEntry("sourceRiskScore", FieldType.DECIMAL)
        .containsEntry("cvssV2Base", FieldType.DECIMAL)
        .containsEntry("cvssV3Base", FieldType.DECIMAL)
        .containsEntry("firstFoundOn", FieldType.INSTANT)
        .containsEntry("findingLastFoundOn", FieldType.INSTANT)
        .containsEntry("fixedOn", FieldType.INSTANT)
        .containsEntry("knownExploited", FieldType.BOOLEAN)
        .containsEntry("exploitMaturity", FieldType.DECIMAL)
        .containsEntry("vendorCvss", FieldType.DECIMAL)
        .containsKeys(
            "externalFindingId",
            "externalAssetId",
            "findingName",
            "cveId",
            "sourceSeverity",
            "findingStatus",
            "findingSubType",
            "detectionMethod",
            "findingDescription",
            "recommendation",
            "vendorProductName",
            "vendorRiskRating");
  }

  @Test
  void shouldKnowTargetsOnlyForTheirKind() {
    assertThat(CanonicalFields.typeOf(FINDING, "cveId")).contains(FieldType.STRING);
    assertThat(CanonicalFields.typeOf(ASSET, "cveId")).isEmpty();
    assertThat(CanonicalFields.isKnown(ASSET, "externalAssetId")).isTrue();
    assertThat(CanonicalFields.isKnown(FINDING, "externalAssetId")).isTrue();
    assertThat(CanonicalFields.rangeOf(FINDING, "findingSeverity")).contains(new IntRange(1, 5));
  }
}
