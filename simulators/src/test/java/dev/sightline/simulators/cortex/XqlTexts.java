package dev.sightline.simulators.cortex;

/** The query texts the README documents for connectors, verbatim (whitespace as printed there). */
final class XqlTexts {
  /**
   * One row per endpoint × CVE with the CVE's details, for the whole tenant (streamed beyond 1,000
   * rows).
   */
  static final String FINDINGS =
      """
      dataset = va_endpoints
      | fields endpoint_id, endpoint_name, cves
      | arrayexpand cves
      | join type = inner (dataset = va_cves | fields name, severity, severity_score, description, publication_date) as cve cve.name = cves
      | fields endpoint_id, endpoint_name, name, severity, severity_score, description, publication_date
      | sort asc endpoint_id, asc name""";

  /**
   * The same for the next 50 endpoints after a given endpoint_id: at most 1,000 rows, always
   * inline.
   */
  static String findingsAfter(String endpointId) {
    return """
        dataset = va_endpoints
        | filter endpoint_id > "%s"
        | sort asc endpoint_id
        | limit 50
        | fields endpoint_id, endpoint_name, cves
        | arrayexpand cves
        | join type = inner (dataset = va_cves | fields name, severity, severity_score, description, publication_date) as cve cve.name = cves
        | fields endpoint_id, endpoint_name, name, severity, severity_score, description, publication_date
        | sort asc endpoint_id, asc name"""
        .formatted(endpointId);
  }

  /** One row per endpoint with the ids of its CVEs. */
  static final String ENDPOINT_CVES =
      "dataset = va_endpoints | fields endpoint_id, endpoint_name, cves"
          + " | sort asc endpoint_id";

  /** One row per distinct CVE present in the tenant. */
  static final String CVES =
      "dataset = va_cves | fields name, severity, severity_score, description,"
          + " publication_date | sort asc name";

  /** The counts to check a sync against. */
  static final String COUNT_FINDINGS =
      "dataset = va_endpoints | arrayexpand cves | comp count() as findings";

  static final String COUNT_CVES = "dataset = va_cves | comp count() as cves";

  private XqlTexts() {}
}
