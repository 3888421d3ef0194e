package dev.sightline.server.assets;

import dev.sightline.platform.views.AssetSourceView;
import dev.sightline.platform.views.AssetTag;
import dev.sightline.platform.views.AssetView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merged asset as the API shows it: the fields of its most recently seen source record, addresses
 * and tags merged from all of them, its stored risk (null until first scored) with the criticality
 * it used, and every source with the reason it belongs here. {@code state}: {@code ACTIVE}, or
 * {@code STALE} once no source has seen it for its retention period ({@code staleSince}: since
 * when; a stale asset leaves the inventory's totals).
 */
record AssetResponse(
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
    List<Tag> sourceTags,
    long openFindings,
    Integer riskScore,
    String riskBand,
    Integer criticality,
    boolean criticalitySetByUser,
    Instant scoredAt,
    List<Source> sources,
    Instant createdAt,
    Instant updatedAt,
    String state,
    Instant staleSince) {

  /** A tag as one source reported it, with its kind in that source's terms. */
  record Tag(String tag, String kind, String source, UUID connectorId) {
    static Tag from(AssetTag t) {
      return new Tag(t.tag(), t.kind(), t.source(), t.connectorId());
    }
  }

  /**
   * One source record and why it is linked here. {@code linkValues} (the values the rule matched,
   * named by the rule) and {@code attributes} (every value the connector's map produced, null in
   * listings) are open-ended by nature, so they stay keyed values.
   */
  record Source(
      long sourceId,
      UUID connectorId,
      String connectorName,
      String source,
      String sourceRecordId,
      String externalAssetId,
      String hostName,
      Instant lastSeen,
      String linkRule,
      Map<String, Object> linkValues,
      Long linkedToSourceId,
      Instant linkedAt,
      boolean fromSnapshot,
      Map<String, Object> attributes) {

    static Source from(AssetSourceView s) {
      return new Source(
          s.sourceId(),
          s.connectorId(),
          s.connectorName(),
          s.source(),
          s.sourceRecordId(),
          s.externalAssetId(),
          s.hostName(),
          s.lastSeen(),
          s.linkRule(),
          s.linkValues(),
          s.linkedToSourceId(),
          s.linkedAt(),
          s.fromSnapshot(),
          s.attributes());
    }
  }

  static AssetResponse from(AssetView a) {
    return new AssetResponse(
        a.id(),
        a.assetName(),
        a.hostName(),
        a.fqdn(),
        a.domain(),
        a.assetType(),
        a.operatingSystemName(),
        a.operatingSystemVersion(),
        a.biosSerialNumber(),
        a.biosManufacturer(),
        a.ipAddresses(),
        a.ipv4Addresses(),
        a.ipv6Addresses(),
        a.macAddresses(),
        a.firstFoundDate(),
        a.lastSeen(),
        a.cloudProvider(),
        a.cloudInstanceId(),
        a.sourceTags() == null ? null : a.sourceTags().stream().map(Tag::from).toList(),
        a.openFindings(),
        a.riskScore(),
        a.riskBand(),
        a.criticality(),
        a.criticalitySetByUser(),
        a.scoredAt(),
        a.sources() == null ? null : a.sources().stream().map(Source::from).toList(),
        a.createdAt(),
        a.updatedAt(),
        a.state(),
        a.staleSince());
  }
}
