package dev.sightline.platform.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A mapped finding ready to store. */
public record FindingRow(
    String externalFindingId,
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
    Instant lastFoundOn,
    Instant fixedOn,
    String vendorProductName,
    boolean open,
    Map<String, Object> attributes) {}
