package dev.sightline.connector.cortex;

/** The public API calls this connector makes, with what each needs from the tenant. */
enum CortexXdrCall {
  GET_ENDPOINT("endpoints/get_endpoint", false),
  GET_QUOTA("xql/get_quota", true),
  START_XQL_QUERY("xql/start_xql_query", true),
  GET_QUERY_RESULTS("xql/get_query_results", true),
  GET_QUERY_RESULTS_STREAM("xql/get_query_results_stream", true);

  private final String path;
  private final boolean xql;

  CortexXdrCall(String path, boolean xql) {
    this.path = path;
    this.xql = xql;
  }

  /** {@code api/call}, relative to {@code /public_api/v1/}. */
  String path() {
    return path;
  }

  /** What the user reads in a message: {@code /public_api/v1/endpoints/get_endpoint}. */
  String label() {
    return "/public_api/v1/" + path;
  }

  /** True for the XQL calls that carry vulnerability data (Host Insights). */
  boolean xql() {
    return xql;
  }
}
