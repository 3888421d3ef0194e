package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * A validated {@code get_endpoint} {@code request_data}: filters, the zero-based window {@code
 * [search_from, search_to)} of at most 100 endpoints (defaults 0 and 100), and the sort ({@code
 * endpoint_id}, {@code first_seen} or {@code last_seen}, {@code asc}/{@code desc} in any case; by
 * default {@code last_seen} descending). Ties are broken by {@code endpoint_id} ascending.
 */
record EndpointRequest(
    List<EndpointFilters.Filter> filters, int from, int to, SortField sort, boolean ascending) {
  static final int MAX_PAGE = 100;

  enum SortField {
    ENDPOINT_ID,
    FIRST_SEEN,
    LAST_SEEN
  }

  static EndpointRequest parse(JsonNode requestData, EndpointDirectory dir) {
    if (requestData == null || !requestData.isObject()) {
      throw new InvalidRequestData(
          "request_data is required", "the body must be {\"request_data\": {…}}");
    }
    List<EndpointFilters.Filter> filters = EndpointFilters.compile(requestData.get("filters"), dir);
    int from = offset(requestData, "search_from", 0);
    int to = offset(requestData, "search_to", from + MAX_PAGE);
    if (to < from) {
      throw new InvalidRequestData(
          "invalid search range",
          "search_to (" + to + ") must not be smaller than search_from (" + from + ")");
    }
    if (to - from > MAX_PAGE) {
      throw new InvalidRequestData(
          "the maximum result set size is 100",
          "search_to - search_from must be at most 100, got " + (to - from));
    }
    JsonNode sort = requestData.get("sort");
    SortField field = SortField.LAST_SEEN;
    boolean ascending = false;
    if (sort != null && !sort.isNull()) {
      String name = sort.path("field").asText("");
      field =
          switch (name) {
            case "endpoint_id" -> SortField.ENDPOINT_ID;
            case "first_seen" -> SortField.FIRST_SEEN;
            case "last_seen" -> SortField.LAST_SEEN;
            default ->
                throw new InvalidRequestData(
                    "invalid sort field",
                    "sort.field must be endpoint_id, first_seen or last_seen, got '" + name + "'");
          };
      String keyword = sort.path("keyword").asText("asc").toLowerCase(Locale.ROOT);
      if (!keyword.equals("asc") && !keyword.equals("desc")) {
        throw new InvalidRequestData(
            "invalid sort keyword", "sort.keyword must be asc or desc, got '" + keyword + "'");
      }
      ascending = keyword.equals("asc");
    }
    return new EndpointRequest(filters, from, to, field, ascending);
  }

  private static int offset(JsonNode requestData, String name, int fallback) {
    JsonNode value = requestData.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      throw new InvalidRequestData(
          "invalid " + name, name + " must be a non-negative integer, got " + value);
    }
    return value.asInt();
  }
}
