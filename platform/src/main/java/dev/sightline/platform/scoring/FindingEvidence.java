package dev.sightline.platform.scoring;

/**
 * Everything the finding scorer may use about one finding. Null means "not known", which is
 * different from a known zero (an EPSS of 0.0004 lowers a score; a missing EPSS does not).
 *
 * @param cveId the finding's CVE, null for a finding without one
 * @param sourceSeverity what the source said about severity (word or number), for the mapping
 * @param cvssV3Base NVD CVSS v3.x base score (0–10)
 * @param cvssV2Base NVD CVSS v2 base score (0–10)
 * @param vendorCvssBase the source's own CVSS base score (transform-map target {@code vendorCvss})
 * @param inKev listed in the loaded CISA KEV catalog
 * @param kevKnownRansomware KEV says "Known" ransomware campaign use
 * @param vendorKnownExploited a source says it is exploited in the wild (target {@code
 *     knownExploited})
 * @param epssScore FIRST EPSS probability (0–1)
 * @param epssPercentile FIRST EPSS percentile (0–1), shown in explanations, not scored
 * @param exploitMaturity a source's exploit maturity on 0–1, 1 being used in attacks (target {@code
 *     exploitMaturity})
 * @param vendorRiskRating a source's risk rating on the platform's scale, {@link VendorRiskRating}
 *     (target {@code vendorRiskRating}); a word off the scale counts as not given
 */
public record FindingEvidence(
    String cveId,
    String sourceSeverity,
    Double cvssV3Base,
    Double cvssV2Base,
    Double vendorCvssBase,
    boolean inKev,
    boolean kevKnownRansomware,
    boolean vendorKnownExploited,
    Double epssScore,
    Double epssPercentile,
    Double exploitMaturity,
    String vendorRiskRating) {

  public FindingEvidence {
    cvss("cvssV3Base", cvssV3Base);
    cvss("cvssV2Base", cvssV2Base);
    cvss("vendorCvssBase", vendorCvssBase);
    probability("epssScore", epssScore);
    probability("epssPercentile", epssPercentile);
    probability("exploitMaturity", exploitMaturity);
    if (cveId != null && cveId.isBlank()) {
      cveId = null;
    }
  }

  /** A finding without a CVE: only the severity mapping can score it. */
  public static FindingEvidence withoutCve(String sourceSeverity) {
    return new FindingEvidence(
        null, sourceSeverity, null, null, null, false, false, false, null, null, null, null);
  }

  /** A CVE finding with nothing known yet; add what is known with the {@code with…} methods. */
  public static FindingEvidence forCve(String cveId, String sourceSeverity) {
    return new FindingEvidence(
        cveId, sourceSeverity, null, null, null, false, false, false, null, null, null, null);
  }

  public FindingEvidence withNvd(Double v3Base, Double v2Base) {
    return new FindingEvidence(
        cveId,
        sourceSeverity,
        v3Base,
        v2Base,
        vendorCvssBase,
        inKev,
        kevKnownRansomware,
        vendorKnownExploited,
        epssScore,
        epssPercentile,
        exploitMaturity,
        vendorRiskRating);
  }

  public FindingEvidence withKev(boolean listed, boolean knownRansomware) {
    return new FindingEvidence(
        cveId,
        sourceSeverity,
        cvssV3Base,
        cvssV2Base,
        vendorCvssBase,
        listed,
        listed && knownRansomware,
        vendorKnownExploited,
        epssScore,
        epssPercentile,
        exploitMaturity,
        vendorRiskRating);
  }

  public FindingEvidence withEpss(Double score, Double percentile) {
    return new FindingEvidence(
        cveId,
        sourceSeverity,
        cvssV3Base,
        cvssV2Base,
        vendorCvssBase,
        inKev,
        kevKnownRansomware,
        vendorKnownExploited,
        score,
        percentile,
        exploitMaturity,
        vendorRiskRating);
  }

  /**
   * What the sources themselves say: their CVSS, whether it is exploited in the wild, its exploit
   * maturity (0–1) and their risk rating.
   */
  public FindingEvidence withVendor(
      Double cvssBase, boolean knownExploited, Double maturity, String riskRating) {
    return new FindingEvidence(
        cveId,
        sourceSeverity,
        cvssV3Base,
        cvssV2Base,
        cvssBase,
        inKev,
        kevKnownRansomware,
        knownExploited,
        epssScore,
        epssPercentile,
        maturity,
        riskRating);
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
