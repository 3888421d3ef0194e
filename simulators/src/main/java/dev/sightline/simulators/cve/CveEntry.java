package dev.sightline.simulators.cve;

import java.util.List;

/**
 * One vulnerability definition, shared by every host that has it (the {@code cve} facet).
 *
 * @param id CVE id, or a vendor id (ADV…, APPLE-SA-…, USN-…) for the few without a CVE
 * @param vector CVSS 3.1 vector, empty when the severity is UNKNOWN
 * @param kevDueDate epoch seconds of the CISA due date, or -1 when not in the KEV catalogue
 * @param fixedVersion version that fixes it; names the remediation
 */
public record CveEntry(
    String id,
    Product product,
    String component,
    double baseScore,
    String severity,
    double exploitabilityScore,
    double impactScore,
    String vector,
    int exploitStatus,
    String exprtRating,
    String remediationLevel,
    boolean kev,
    long kevDueDate,
    String description,
    long publishedDate,
    long spotlightPublishedDate,
    List<String> references,
    List<String> vendorAdvisory,
    List<String> cwes,
    String fixedVersion,
    String remediationId) {

  public boolean hasCveId() {
    return id.startsWith("CVE-");
  }
}
