package dev.sightline.platform.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One source's report of a finding, as the vendor gave it after mapping. */
public record DetectionView(
    long id,
    UUID connectorId,
    String source,
    String vendorProductName,
    String externalFindingId,
    String assetSourceId,
    Long sourceAssetId,
    String findingName,
    String cveId,
    String findingStatus,
    boolean open,
    int findingSeverity,
    String sourceSeverity,
    BigDecimal cvssV2Base,
    BigDecimal cvssV3Base,
    String findingSubType,
    String detectionMethod,
    String findingDescription,
    String recommendation,
    Instant firstFoundOn,
    Instant findingLastFoundOn,
    Instant fixedOn,
    Map<String, Object> attributes) {}
