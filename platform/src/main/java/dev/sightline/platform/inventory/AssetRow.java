package dev.sightline.platform.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A mapped asset ready to store; {@code attributes} keeps every mapped value by target name. */
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
    List<String> sourceTags,
    Map<String, Object> attributes) {}
