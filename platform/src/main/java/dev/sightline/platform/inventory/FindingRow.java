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
    Map<String, Object> attributes) {

  /** Source statuses that mean the vulnerability is no longer present. */
  private static final java.util.Set<String> CLOSED = java.util.Set.of(
      "closed", "fixed", "expired", "resolved", "remediated", "mitigated", "patched");

  /** Whether a source's status (and fix date) say the detection is still open. */
  public static boolean isOpen(String status, Instant fixedOn) {
    if (status != null && !status.isBlank()) {
      return !CLOSED.contains(status.trim().toLowerCase(java.util.Locale.ROOT));
    }
    return fixedOn == null;
  }
}
