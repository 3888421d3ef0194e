package dev.sightline.connector.cortex;

import java.util.regex.Pattern;

/**
 * The XQL the vulnerabilities stream runs: one row per (endpoint, CVE) from {@code va_endpoints}
 * (which holds {@code endpoint_id} and the endpoint's {@code cves[]} ids) joined with {@code
 * va_cves} (one row per CVE: name, severity, description, publication date, score), sorted by
 * {@code endpoint_id} then CVE name, so rows of one endpoint arrive together and can be grouped
 * while streaming. A resumed read adds a filter for endpoints after the last one completed.
 */
final class CortexXdrXql {

  /** Row columns the connector reads. */
  static final String ENDPOINT_ID = "endpoint_id";

  static final String ENDPOINT_NAME = "endpoint_name";
  static final String CVE_NAME = "name";
  static final String SEVERITY = "severity";
  static final String DESCRIPTION = "description";
  static final String PUBLICATION_DATE = "publication_date";
  static final String SEVERITY_SCORE = "severity_score";

  /** Endpoint ids are 32 hex characters; anything else is refused rather than put into a query. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private static final String EXPAND =
      "dataset = va_endpoints" + " | fields endpoint_id, endpoint_name, cves";
  private static final String JOIN =
      " | arrayexpand cves"
          + " | join type = inner (dataset = va_cves"
          + " | fields name, severity, description, publication_date, severity_score) as cve cve.name = cves"
          + " | fields endpoint_id, endpoint_name, name, severity, description, publication_date, severity_score"
          + " | sort asc endpoint_id, asc name";

  private CortexXdrXql() {}

  /** Every endpoint's CVEs. */
  static String all() {
    return EXPAND + JOIN;
  }

  /**
   * The CVEs of endpoints whose id sorts after {@code lastEndpointId}. An id that could not be put
   * into a query safely gives the whole query: the reader drops the rows it already emitted anyway.
   */
  static String after(String lastEndpointId) {
    if (lastEndpointId.isEmpty() || !SAFE_ID.matcher(lastEndpointId).matches()) {
      return all();
    }
    return EXPAND + " | filter endpoint_id > \"" + lastEndpointId + "\"" + JOIN;
  }
}
