package dev.sightline.platform.views;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One source record of an asset and why it is linked there: the rule, the values that matched and
 * the record it matched. {@code fromSnapshot}: built from the host details its findings carried,
 * because the source's assets stream never returned it. {@code attributes} (every mapped value) is
 * shown on an asset's own page only, not in listings.
 */
public record AssetSourceView(
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
    Map<String, Object> attributes) {}
