package dev.sightline.platform.scoring;

/**
 * Everything the finding scorer may use about one finding. Null means "not known", which is
 * different from a known zero (an EPSS of 0.0004 lowers a score; a missing EPSS does not).
 *
 * @param cveId the finding's CVE, null for a finding without one
 * @param sourceSeverity what the source said about severity (word or number), for the mapping
 * @param cvssV3Base NVD CVSS v3.x base score (0–10)
 * @param cvssV2Base NVD CVSS v2 base score (0–10)
 * @param vendorCvssBase the source's own CVSS (CrowdStrike {@code cve.base_score}, Cortex
 *     {@code severity_score})
 * @param inKev listed in the loaded CISA KEV catalog
 * @param kevKnownRansomware KEV says "Known" ransomware campaign use
 * @param vendorKev the source flags it as KEV (CrowdStrike {@code cve.cisa_info.is_cisa_kev})
 * @param epssScore FIRST EPSS probability (0–1)
 * @param epssPercentile FIRST EPSS percentile (0–1), shown in explanations, not scored
 * @param exploitStatus CrowdStrike {@code cve.exploit_status}: 0 unproven, 30 available, 60
 *     easily accessible, 90 actively used
 * @param exprtRating CrowdStrike ExPRT rating: LOW, MEDIUM, HIGH, CRITICAL (UNKNOWN = null)
 */
public record FindingEvidence(
    String cveId,
    String sourceSeverity,
    Double cvssV3Base,
    Double cvssV2Base,
    Double vendorCvssBase,
    boolean inKev,
    boolean kevKnownRansomware,
    boolean vendorKev,
    Double epssScore,
    Double epssPercentile,
    Integer exploitStatus,
    String exprtRating) {

  public FindingEvidence {
    cvss("cvssV3Base", cvssV3Base);
    cvss("cvssV2Base", cvssV2Base);
    cvss("vendorCvssBase", vendorCvssBase);
    probability("epssScore", epssScore);
    probability("epssPercentile", epssPercentile);
    if (cveId != null && cveId.isBlank()) {
      cveId = null;
    }
  }

  /** A finding without a CVE: only the severity mapping can score it. */
  public static FindingEvidence withoutCve(String sourceSeverity) {
    return new FindingEvidence(null, sourceSeverity, null, null, null, false, false, false, null,
        null, null, null);
  }

  /** A CVE finding with nothing known yet; add what is known with the {@code with…} methods. */
  public static FindingEvidence forCve(String cveId, String sourceSeverity) {
    return new FindingEvidence(cveId, sourceSeverity, null, null, null, false, false, false, null,
        null, null, null);
  }

  public FindingEvidence withNvd(Double v3Base, Double v2Base) {
    return new FindingEvidence(cveId, sourceSeverity, v3Base, v2Base, vendorCvssBase, inKev,
        kevKnownRansomware, vendorKev, epssScore, epssPercentile, exploitStatus, exprtRating);
  }

  public FindingEvidence withKev(boolean listed, boolean knownRansomware) {
    return new FindingEvidence(cveId, sourceSeverity, cvssV3Base, cvssV2Base, vendorCvssBase,
        listed, listed && knownRansomware, vendorKev, epssScore, epssPercentile, exploitStatus,
        exprtRating);
  }

  public FindingEvidence withEpss(Double score, Double percentile) {
    return new FindingEvidence(cveId, sourceSeverity, cvssV3Base, cvssV2Base, vendorCvssBase,
        inKev, kevKnownRansomware, vendorKev, score, percentile, exploitStatus, exprtRating);
  }

  /** What the source itself says: its CVSS, its KEV flag, exploit status and ExPRT rating. */
  public FindingEvidence withVendor(Double cvssBase, boolean kev, Integer exploit, String exprt) {
    return new FindingEvidence(cveId, sourceSeverity, cvssV3Base, cvssV2Base, cvssBase, inKev,
        kevKnownRansomware, kev, epssScore, epssPercentile, exploit, exprt);
  }

  private static void cvss(String name, Double value) {
    if (value != null && !(value >= 0 && value <= 10)) {
      throw new IllegalArgumentException(name + " must be 0..10, not " + value);
    }
  }

  private static void probability(String name, Double value) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be 0..1, not " + value);
    }
  }
}
