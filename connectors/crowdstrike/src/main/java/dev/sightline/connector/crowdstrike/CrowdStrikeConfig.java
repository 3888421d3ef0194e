package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The bound settings of one CrowdStrike connection. {@link #toString} never shows the secret.
 *
 * @param baseUrl the region's API base, {@code https://host[:port][/prefix]}, no trailing slash
 * @param memberCid the MSSP child CID the token acts for, or "" for none
 */
record CrowdStrikeConfig(URI baseUrl, String clientId, String clientSecret, String memberCid) {

  static final String URL = "url";
  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";
  static final String MEMBER_CID = "memberCid";

  private static final String TOKEN_PATH = "/oauth2/token";

  CrowdStrikeConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an https URL with a host");
    }
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    Objects.requireNonNull(memberCid, "memberCid");
  }

  /** Binds and checks the values; a value it cannot use is a permanent, explained error. */
  static CrowdStrikeConfig from(ConnectorConfig config) {
    return new CrowdStrikeConfig(
        resolveBaseUrl(config.require(URL)),
        config.require(CLIENT_ID).trim(),
        config.require(CLIENT_SECRET),
        config.get(MEMBER_CID).map(String::trim).orElse(""));
  }

  Optional<String> member() {
    return memberCid.isEmpty() ? Optional.empty() : Optional.of(memberCid);
  }

  /** host[:port], the only part of the URL that messages show. */
  String hostLabel() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  int port() {
    return baseUrl.getPort() < 0 ? 443 : baseUrl.getPort();
  }

  /** {@code baseUrl + path + "?" + query}; the query must already be encoded. */
  URI resolve(String path, String encodedQuery) {
    String tail = encodedQuery.isEmpty() ? path : path + "?" + encodedQuery;
    return URI.create(baseUrl + tail);
  }

  /**
   * A region name (us-1, us-2, eu-1, us-gov-1, us-gov-2, us-3) or an https URL. A bare host gets
   * {@code https://}; a pasted token endpoint ({@code …/oauth2/token}) is cut back to the base.
   */
  static URI resolveBaseUrl(String raw) {
    String value = raw.trim();
    Optional<CrowdStrikeRegion> region = CrowdStrikeRegion.byName(value);
    if (region.isPresent()) {
      return URI.create("https://" + region.get().host());
    }
    if (!value.contains("://")) {
      value = "https://" + value;
    }
    URI uri = parse(value);
    if (uri.getRawUserInfo() != null) {
      throw invalidUrl(
          "it must not carry a user name or password", "enter only https:// and the host");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw invalidUrl("'" + value + "' does not use https", "start the Url with https://");
    }
    if (uri.getHost() == null) {
      throw invalidUrl(
          "'" + value + "' has no host",
          "enter the region's API host, such as https://api.us-2.crowdstrike.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalidUrl(
          "'" + uri.getHost() + "…' has a query or fragment",
          "remove everything after the host name");
    }
    return rebuild(uri);
  }

  private static URI parse(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw invalidUrl("it is not a valid URL (" + e.getReason() + ")", regionHint());
    }
  }

  private static URI rebuild(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith(TOKEN_PATH)) {
      path = path.substring(0, path.length() - TOKEN_PATH.length());
    }
    try {
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return new URI("https", null, host, uri.getPort(), path.isEmpty() ? null : path, null, null);
    } catch (URISyntaxException e) {
      throw invalidUrl("it is not a valid URL (" + e.getReason() + ")", regionHint());
    }
  }

  private static PermanentException invalidUrl(String why, String fix) {
    return new PermanentException("The CrowdStrike Url cannot be used: " + why, fix);
  }

  private static String regionHint() {
    return "enter the API URL of your Falcon cloud or its name ("
        + CrowdStrikeRegion.catalogue()
        + ")";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return "CrowdStrikeConfig[baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", clientSecret=****, memberCid="
        + memberCid
        + "]";
  }
}
