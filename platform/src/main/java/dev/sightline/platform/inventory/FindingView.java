package dev.sightline.platform.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A finding as the API shows it. */
public record FindingView(
    long id,
    UUID connectorId,
    String externalFindingId,
    Long assetId,
    String assetSourceId,
    String findingName,
    String cveId,
    int findingSeverity,
    String sourceSeverity,
    BigDecimal cvssV2Base,
    BigDecimal cvssV3Base,
    String findingStatus,
    String findingSubType,
    String detectionMethod,
    String findingDescription,
    String recommendation,
    Instant firstFoundOn,
    Instant findingLastFoundOn,
    Instant fixedOn,
    String vendorProductName,
    java.util.Map<String, Object> attributes,
    Instant createdAt,
    Instant updatedAt) {}
