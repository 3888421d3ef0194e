package dev.sightline.platform.views;

import java.time.Instant;
import java.util.List;

/**
 * A logical asset as the API shows it: the fields of its most recently seen source record,
 * addresses (normalized: lower-case colon MACs, canonical IPs, IPv4 and IPv6 apart) and tags (each
 * with its kind and source) merged from all of them, its stored risk (0–1000, null until first
 * scored) with the criticality it used, and every source with the reason it belongs here.
 *
 * @param state {@code ACTIVE}, or {@code STALE} once no source has seen it for its retention period
 *     (it then leaves the inventory's totals, {@link InventoryTotals})
 * @param staleSince when it became stale; null while active
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
    List<String> ipv4Addresses,
    List<String> ipv6Addresses,
    List<String> macAddresses,
    Instant firstFoundDate,
    Instant lastSeen,
    String cloudProvider,
    String cloudInstanceId,
    List<AssetTag> sourceTags,
    long openFindings,
    Integer riskScore,
    String riskBand,
    Integer criticality,
    boolean criticalitySetByUser,
    Instant scoredAt,
    List<AssetSourceView> sources,
    Instant createdAt,
    Instant updatedAt,
    String state,
    Instant staleSince) {}
