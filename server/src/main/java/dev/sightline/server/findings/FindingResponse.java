package dev.sightline.server.findings;

import dev.sightline.platform.intel.CveIntel;
import dev.sightline.platform.views.FindingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A logical finding as the API shows it: its lifecycle, a user's decision, its stored score (null
 * until first scored), the CVE intelligence known for it (null without a CVE or when nothing is
 * loaded) and every source's detection.
 */
record FindingResponse(
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
    Intelligence intelligence,
    List<String> vendorProductNames,
    List<DetectionResponse> detections,
    Instant createdAt,
    Instant updatedAt) {

  /** What the imported CISA KEV, EPSS and NVD files say about the CVE; unknown values are null. */
  record Intelligence(
      String cveId,
      boolean inKev,
      LocalDate kevDateAdded,
      LocalDate kevDueDate,
      boolean kevKnownRansomware,
      Long kevLoadId,
      Double epssScore,
      Double epssPercentile,
      LocalDate epssDate,
      Long epssLoadId,
      Double cvssV3Base,
      String cvssV3Vector,
      Double cvssV2Base,
      Instant nvdPublished,
      Long nvdLoadId,
      Instant updatedAt) {

    static Intelligence from(CveIntel i) {
      return i == null
          ? null
          : new Intelligence(
              i.cveId(),
              i.inKev(),
              i.kevDateAdded(),
              i.kevDueDate(),
              i.kevKnownRansomware(),
              i.kevLoadId(),
              i.epssScore(),
              i.epssPercentile(),
              i.epssDate(),
              i.epssLoadId(),
              i.cvssV3Base(),
              i.cvssV3Vector(),
              i.cvssV2Base(),
              i.nvdPublished(),
              i.nvdLoadId(),
              i.updatedAt());
    }
  }

  static FindingResponse from(FindingView f) {
    return new FindingResponse(
        f.id(),
        f.assetId(),
        f.findingKey(),
        f.cveId(),
        f.findingName(),
        f.findingSeverity(),
        f.state(),
        f.firstFound(),
        f.lastFound(),
        f.fixedOn(),
        f.reopenedOn(),
        f.decision(),
        f.decisionUntil(),
        f.qds(),
        f.qdsBand(),
        f.qdsMethod(),
        Intelligence.from(f.intelligence()),
        f.vendorProductNames(),
        f.detections() == null
            ? null
            : f.detections().stream().map(DetectionResponse::from).toList(),
        f.createdAt(),
        f.updatedAt());
  }
}
