package dev.sightline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The CrowdStrike floor: an OAuth2 token, then every page of Discover hosts and Spotlight
 * vulnerabilities (the same endpoints, filters, sorts, facets and page size as the connector), each
 * followed by its {@code after} cursor until the vendor's total is read.
 */
final class CrowdStrikeFloor implements FetchFloor {
  private static final String EPOCH = "'1970-01-01T00:00:00Z'";

  private final URI base;
  private final String clientId;
  private final String clientSecret;
  private final int pageSize;
  private final FloorHttp http;

  CrowdStrikeFloor(URI base, String clientId, String clientSecret, SSLContext ssl, int pageSize) {
    this.base = base;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.pageSize = pageSize;
    this.http = new FloorHttp(ssl, 0);
  }

  @Override
  public long readAll() throws Exception {
    String token = token();
    long records =
        readStream(
            token,
            "/discover/combined/hosts/v1",
            "last_seen_timestamp",
            Math.min(pageSize, 1000),
            List.of());
    records +=
        readStream(
            token,
            "/spotlight/combined/vulnerabilities/v1",
            "updated_timestamp",
            Math.min(pageSize, 5000),
            List.of("cve", "host_info", "remediation"));
    return records;
  }

  private String token() throws Exception {
    String form = "client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
    JsonNode grant =
        http.json(
            HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    return grant.path("access_token").asText();
  }

  private long readStream(
      String token, String path, String timestamp, int limit, List<String> facets)
      throws Exception {
    String fixed =
        "filter="
            + encode(timestamp + ":>=" + EPOCH)
            + "&sort="
            + encode(timestamp + "|asc")
            + "&limit="
            + limit;
    StringBuilder facetParams = new StringBuilder();
    facets.forEach(f -> facetParams.append("&facet=").append(f));
    long seen = 0;
    String after = "";
    while (true) {
      String query = fixed + (after.isEmpty() ? "" : "&after=" + encode(after)) + facetParams;
      JsonNode page =
          http.json(
              HttpRequest.newBuilder(base.resolve(path + "?" + query))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .GET()
                  .build());
      int size = page.path("resources").size();
      seen += size;
      JsonNode pagination = page.path("meta").path("pagination");
      after = pagination.path("after").asText("");
      long total = pagination.path("total").asLong(-1);
      if (after.isEmpty() || size == 0 || (total >= 0 && seen >= total)) {
        return seen;
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
