package dev.sightline.platform.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A logical asset as the API shows it: the fields of its most recently seen source record,
 * addresses merged from all of them, its stored risk (0–1000, null until first scored) with the
 * criticality it used, and every source with the reason it belongs here.
 */
public record AssetView(
    long id,
    String assetName,
    String hostName,
    String fqdn,
    String domain,
    String assetType,
    String operatingSystemName,
    String operatingSystemVersion,
    String biosSerialNumber,
    String biosManufacturer,
    List<String> ipAddresses,
    List<String> macAddresses,
    Instant firstFoundDate,
    Instant lastSeen,
    String cloudProvider,
    String cloudInstanceId,
    List<String> sourceTags,
    long openFindings,
    Integer riskScore,
    String riskBand,
    Integer criticality,
    boolean criticalitySetByUser,
    Instant scoredAt,
    List<AssetSourceView> sources,
    Instant createdAt,
    Instant updatedAt) {}
