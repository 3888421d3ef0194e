package dev.sightline.platform.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mapped asset ready to store, its identity fields and addresses normalized ({@code AssetRows});
 * {@code attributes} keeps every mapped value, as the vendor sent it, by target name.
 */
public record AssetRow(
    String sourceRecordId,
    String externalAssetId,
    String assetName,
    String hostName,
    String fqdn,
    String domain,
    String assetType,
    String osName,
    String osVersion,
    String biosSerial,
    String biosManufacturer,
    List<String> ipAddresses,
    List<String> macAddresses,
    Instant firstFound,
    Instant lastSeen,
    String cloudProvider,
    String cloudInstanceId,
    List<SourceTag> tags,
    Map<String, Object> attributes) {}
