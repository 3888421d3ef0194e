package dev.sightline.server.findings;

import dev.sightline.platform.views.DetectionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One source's report of a finding, as the vendor gave it after mapping. {@code attributes}: every
 * value the connector's map produced, open-ended by nature, so keyed values.
 */
record DetectionResponse(
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
    Map<String, Object> attributes) {

  static DetectionResponse from(DetectionView d) {
    return new DetectionResponse(
        d.id(),
        d.connectorId(),
        d.source(),
        d.vendorProductName(),
        d.externalFindingId(),
        d.assetSourceId(),
        d.sourceAssetId(),
        d.findingName(),
        d.cveId(),
        d.findingStatus(),
        d.open(),
        d.findingSeverity(),
        d.sourceSeverity(),
        d.cvssV2Base(),
        d.cvssV3Base(),
        d.findingSubType(),
        d.detectionMethod(),
        d.findingDescription(),
        d.recommendation(),
        d.firstFoundOn(),
        d.findingLastFoundOn(),
        d.fixedOn(),
        d.attributes());
  }
}
