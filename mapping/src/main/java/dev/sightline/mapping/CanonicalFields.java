package dev.sightline.mapping;

import dev.sightline.connector.RecordKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whitelist of transform-map targets, by record kind, with their types: the canonical model of
 * {@code DESIGN.md} flattened to one name per value (so {@code operatingSystem.name} is {@code
 * operatingSystemName}, {@code networkInterfaces[].macAddress} is {@code macAddress}). A map row
 * naming any other target is refused when the map is loaded, so a typo never silently drops data.
 */
public final class CanonicalFields {

  private static final Map<RecordKind, Map<String, FieldType>> TARGETS = targets();

  // Bounds the model puts on some integer targets; a value outside them is a conversion problem.
  private static final Map<String, IntRange> FINDING_RANGES =
      Map.of("findingSeverity", new IntRange(1, 5));
  private static final Map<String, IntRange> ASSET_RANGES =
      Map.of("criticality", new IntRange(1, 5));

  private CanonicalFields() {}

  /** The targets of one record kind, in the model's order, with their types. */
  public static Map<String, FieldType> of(RecordKind kind) {
    return TARGETS.get(kind);
  }

  /** The type of a target, or empty when the kind has no such target. */
  public static Optional<FieldType> typeOf(RecordKind kind, String target) {
    return Optional.ofNullable(TARGETS.get(kind).get(target));
  }

  /** Whether the kind has the target. */
  public static boolean isKnown(RecordKind kind, String target) {
    return TARGETS.get(kind).containsKey(target);
  }

  /** The inclusive bounds of an integer target, or empty when it has none. */
  static Optional<IntRange> rangeOf(RecordKind kind, String target) {
    return Optional.ofNullable(
        (kind == RecordKind.FINDING ? FINDING_RANGES : ASSET_RANGES).get(target));
  }

  private static Map<RecordKind, Map<String, FieldType>> targets() {
    Map<RecordKind, Map<String, FieldType>> all = new EnumMap<>(RecordKind.class);
    all.put(RecordKind.ASSET, Collections.unmodifiableMap(assetTargets()));
    all.put(RecordKind.FINDING, Collections.unmodifiableMap(findingTargets()));
    return Collections.unmodifiableMap(all);
  }

  private static Map<String, FieldType> assetTargets() {
    Map<String, FieldType> t = new LinkedHashMap<>();
    t.put("externalAssetId", FieldType.STRING);
    // The vendor's stable device id (aid, endpoint_id), kept beside externalAssetId.
    t.put("sourceRecordId", FieldType.STRING);
    t.put("assetName", FieldType.STRING);
    t.put("hostName", FieldType.STRING);
    t.put("fqdn", FieldType.STRING);
    t.put("domain", FieldType.STRING);
    t.put("assetType", FieldType.STRING);
    t.put("operatingSystemName", FieldType.STRING);
    t.put("operatingSystemVersion", FieldType.STRING);
    t.put("biosInfoSerialNumber", FieldType.STRING);
    t.put("biosInfoManufacturer", FieldType.STRING);
    t.put("ipAddress", FieldType.STRING_LIST);
    t.put("ipv4Address", FieldType.STRING_LIST);
    t.put("ipv6Address", FieldType.STRING_LIST);
    t.put("macAddress", FieldType.STRING_LIST);
    t.put("firstFoundDate", FieldType.INSTANT);
    t.put("lastSeen", FieldType.INSTANT);
    t.put("cloudProvider", FieldType.STRING);
    t.put("cloudInstanceId", FieldType.STRING);
    t.put("cloudAccountId", FieldType.STRING);
    t.put("serverTags", FieldType.STRING_LIST);
    t.put("endPointTags", FieldType.STRING_LIST);
    t.put("sourceTags", FieldType.STRING_LIST);
    // How the source knows the asset: whether it runs the source's agent (managed, unmanaged,
    // unsupported) and which of the source's data providers reported it.
    t.put("entityType", FieldType.STRING);
    t.put("dataProviders", FieldType.STRING_LIST);
    t.put("criticality", FieldType.INTEGER);
    return t;
  }

  private static Map<String, FieldType> findingTargets() {
    Map<String, FieldType> t = new LinkedHashMap<>();
    t.put("externalFindingId", FieldType.STRING);
    t.put("externalAssetId", FieldType.STRING);
    t.put("findingName", FieldType.STRING);
    t.put("cveId", FieldType.STRING);
    t.put("findingSeverity", FieldType.INTEGER);
    t.put("sourceSeverity", FieldType.STRING);
    t.put("sourceRiskScore", FieldType.DECIMAL);
    t.put("cvssV2Base", FieldType.DECIMAL);
    t.put("cvssV3Base", FieldType.DECIMAL);
    t.put("findingStatus", FieldType.STRING);
    t.put("findingSubType", FieldType.STRING);
    t.put("detectionMethod", FieldType.STRING);
    t.put("findingDescription", FieldType.STRING);
    t.put("recommendation", FieldType.STRING);
    t.put("firstFoundOn", FieldType.INSTANT);
    t.put("findingLastFoundOn", FieldType.INSTANT);
    t.put("fixedOn", FieldType.INSTANT);
    t.put("vendorProductName", FieldType.STRING);
    // What the source itself says about exploitation, on the platform's scales (a transform map
    // puts its vendor's values on them), for scoring: exploited in the wild (yes/no), exploit
    // maturity 0–1 (1: used in attacks), a risk rating LOW/MEDIUM/HIGH/CRITICAL, and its own CVSS
    // base score (no value when the vendor has none, whatever the vendor writes for "none").
    t.put("knownExploited", FieldType.BOOLEAN);
    t.put("exploitMaturity", FieldType.DECIMAL);
    t.put("vendorRiskRating", FieldType.STRING);
    t.put("vendorCvss", FieldType.DECIMAL);
    return t;
  }
}
