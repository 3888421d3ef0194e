package dev.sightline.platform.views;

import dev.sightline.platform.intel.CveIntel;
import java.time.Instant;
import java.util.List;

/**
 * A logical finding as the API shows it: one per (asset, CVE) — or (asset, vendor finding id)
 * without a CVE — with its lifecycle, its stored score (QDS, null until first scored), the CVE
 * intelligence known for it (null without a CVE or when nothing is loaded) and every source's
 * detection.
 */
public record FindingView(
    long id,
    long assetId,
    String findingKey,
    String cveId,
    String findingName,
    int findingSeverity,
    String state,
    Instant firstFound,
    Instant lastFound,
    Instant fixedOn,
    Instant reopenedOn,
    String decision,
    Instant decisionUntil,
    Integer qds,
    String qdsBand,
    String qdsMethod,
    CveIntel intelligence,
    List<String> vendorProductNames,
    List<DetectionView> detections,
    Instant createdAt,
    Instant updatedAt) {}
