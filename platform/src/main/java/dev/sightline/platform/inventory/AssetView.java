package dev.sightline.platform.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An asset as the API shows it. */
public record AssetView(
    long id,
    UUID connectorId,
    String source,
    String sourceRecordId,
    String externalAssetId,
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
    java.util.Map<String, Object> attributes,
    Instant createdAt,
    Instant updatedAt) {}
