package dev.sightline.connector.cortex;

import dev.sightline.connector.UnexpectedResponseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The XQL the vulnerabilities stream runs: one row per (endpoint, CVE) from {@code va_endpoints}
 * (which holds {@code endpoint_id} and the endpoint's {@code cves[]} ids) joined with {@code
 * va_cves} (one row per CVE: name, severity, description, publication date, score), sorted by
 * {@code endpoint_id} then CVE name, so rows of one endpoint arrive together and can be grouped
 * while streaming. A resumed read adds a filter for endpoints after the last one completed; a read
 * in Sampling Mode a filter for the sampled endpoints.
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
    return EXPAND + afterFilter(lastEndpointId) + JOIN;
  }

  /**
   * The CVEs of the endpoints {@code ids} (a sample's) whose id sorts after {@code lastEndpointId}
   * (or all of them for ""). Every id must be safe to put into a query: ids come from {@code
   * get_endpoint}, and one that is not is refused rather than its findings dropped quietly.
   */
  static String among(List<String> ids, String lastEndpointId) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a query among endpoints needs at least one id");
    }
    StringBuilder in = new StringBuilder(" | filter endpoint_id in (");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (!SAFE_ID.matcher(id).matches()) {
        throw new UnexpectedResponseException(
            "Cortex XDR returned an endpoint id the connector cannot put into an XQL query"
                + " safely; its vulnerabilities cannot be read in Sampling Mode");
      }
      in.append(i == 0 ? "" : ", ").append('"').append(id).append('"');
    }
    return EXPAND + in.append(')') + afterFilter(lastEndpointId) + JOIN;
  }

  /**
   * The filter for endpoints after {@code lastEndpointId}; none for "" or an id that could not be
   * put into a query safely: the reader drops the rows it already emitted anyway.
   */
  private static String afterFilter(String lastEndpointId) {
    if (lastEndpointId.isEmpty() || !SAFE_ID.matcher(lastEndpointId).matches()) {
      return "";
    }
    return " | filter endpoint_id > \"" + lastEndpointId + "\"";
  }
}
