package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bound settings of one Cortex XDR connection. {@link #toString} never shows the key.
 *
 * @param baseUrl {@code https://api-<fqdn>[:port]}, no path, no trailing slash
 * @param apiKeyId the numeric ID of the key (the ID column of the API Keys table)
 * @param deltaOnLastSeen beyond the seed: read only endpoints seen since the last run
 * @param requestsPerSecond this connection's share of the tenant's 10 requests per second, which
 *     every integration on the tenant shares; the connector never starts requests faster
 */
record CortexXdrConfig(
    URI baseUrl,
    String apiKey,
    String apiKeyId,
    SecurityLevel securityLevel,
    boolean deltaOnLastSeen,
    int requestsPerSecond) {

  static final String URL = "url";
  static final String API_KEY = "apiKey";
  static final String API_KEY_ID = "apiKeyId";
  static final String SECURITY_LEVEL = "securityLevel";
  static final String DELTA_ON_LAST_SEEN = "deltaOnLastSeen";
  static final String REQUESTS_PER_SECOND = "requestsPerSecond";

  /** Cortex XDR: "10 API requests per second for each tenant", all integrations together. */
  static final int TENANT_LIMIT = 10;

  /** Leaves the tenant two requests a second for other integrations (XSOAR, SIEM, scripts). */
  static final int DEFAULT_REQUESTS_PER_SECOND = 8;

  private static final Pattern NUMERIC = Pattern.compile("\\d{1,18}");
  private static final String API_PREFIX = "/public_api/v1";
  private static final String EXAMPLE = "https://api-<tenant>.xdr.us.paloaltonetworks.com";
  private static final String EDIT = "in Edit Connector";

  CortexXdrConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an https URL with a host");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    if (apiKeyId == null || !NUMERIC.matcher(apiKeyId).matches()) {
      throw new IllegalArgumentException("apiKeyId must be numeric");
    }
    Objects.requireNonNull(securityLevel, "securityLevel");
    if (requestsPerSecond < 1 || requestsPerSecond > TENANT_LIMIT) {
      throw new IllegalArgumentException("requestsPerSecond must be 1.." + TENANT_LIMIT);
    }
  }

  /** A connection with the default request budget. */
  CortexXdrConfig(
      URI baseUrl,
      String apiKey,
      String apiKeyId,
      SecurityLevel securityLevel,
      boolean deltaOnLastSeen) {
    this(baseUrl, apiKey, apiKeyId, securityLevel, deltaOnLastSeen, DEFAULT_REQUESTS_PER_SECOND);
  }

  /** The key's security level, chosen when the key was generated in the Cortex XDR console. */
  enum SecurityLevel {
    STANDARD,
    ADVANCED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static SecurityLevel parse(String value) {
      for (SecurityLevel level : values()) {
        if (level.label().equalsIgnoreCase(value.trim())) {
          return level;
        }
      }
      throw new PermanentException(
          "The Security Level '" + value + "' is not known",
          "choose standard or advanced "
              + EDIT
              + ", as shown in the Security Level column of the"
              + " API Keys table in the Cortex XDR console");
    }
  }

  /** Binds and checks the values; a value it cannot use is a permanent, explained error. */
  static CortexXdrConfig from(ConnectorConfig config) {
    return new CortexXdrConfig(
        resolveBaseUrl(config.require(URL)),
        config.require(API_KEY).trim(),
        apiKeyId(config.require(API_KEY_ID)),
        SecurityLevel.parse(config.get(SECURITY_LEVEL).orElse("standard")),
        deltaOnLastSeen(config.get(DELTA_ON_LAST_SEEN).orElse("false")),
        requestsPerSecond(config.get(REQUESTS_PER_SECOND).filter(v -> !v.isBlank())));
  }

  /**
   * The declared choice 1..10 is checked when the connector is saved; a value stored otherwise (an
   * older release, a hand edit) is refused here with the same range.
   */
  static int requestsPerSecond(java.util.Optional<String> raw) {
    if (raw.isEmpty()) {
      return DEFAULT_REQUESTS_PER_SECOND;
    }
    String value = raw.get().trim();
    try {
      int perSecond = Integer.parseInt(value);
      if (perSecond >= 1 && perSecond <= TENANT_LIMIT) {
        return perSecond;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new PermanentException(
        "The setting '"
            + REQUESTS_PER_SECOND
            + "' must be a whole number from 1 to "
            + TENANT_LIMIT
            + ", not '"
            + shorten(value)
            + "'",
        "choose 1 to "
            + TENANT_LIMIT
            + " "
            + EDIT
            + ": Cortex XDR allows "
            + TENANT_LIMIT
            + " requests per second per tenant for all integrations together (default "
            + DEFAULT_REQUESTS_PER_SECOND
            + ")");
  }

  /** host[:port], the only part of the URL that messages show. */
  String hostLabel() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  int port() {
    return baseUrl.getPort() < 0 ? 443 : baseUrl.getPort();
  }

  /** The URI of a public API call, e.g. {@code endpoints/get_endpoint}. */
  URI call(String apiAndCall) {
    return URI.create(baseUrl + API_PREFIX + "/" + apiAndCall + "/");
  }

  /**
   * {@code https://api-<fqdn>}, with or without a trailing slash; a bare FQDN gets {@code
   * https://}, and a pasted call URL ({@code …/public_api/v1/…}) is cut back to the host.
   */
  static URI resolveBaseUrl(String raw) {
    String value = raw.trim();
    if (!value.contains("://")) {
      value = "https://" + value;
    }
    URI uri = parse(value);
    if (uri.getRawUserInfo() != null) {
      throw invalidUrl(
          "it must not carry a user name or password", "enter only https:// and the API host");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw invalidUrl(
          "'" + value + "' does not use https",
          "start the Base URL with https://, as in " + EXAMPLE);
    }
    if (uri.getHost() == null) {
      throw invalidUrl("'" + value + "' has no host name", "enter the Base URL as " + EXAMPLE);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalidUrl(
          "'" + uri.getHost() + "…' has a query or fragment",
          "remove everything after the host name");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".paloaltonetworks.com") && !host.startsWith("api-")) {
      throw invalidUrl(
          "'" + host + "' is the console's address, not the API's",
          "enter https://api-"
              + host
              + " (the API host is the console host with 'api-' in front;"
              + " right-click the key in the API Keys table and choose View Examples to see it)");
    }
    requireNoPath(uri);
    try {
      return new URI("https", null, host, uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw invalidUrl(
          "it is not a valid URL (" + e.getReason() + ")", "enter the Base URL as " + EXAMPLE);
    }
  }

  private static void requireNoPath(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.isEmpty() && !path.startsWith(API_PREFIX)) {
      throw invalidUrl(
          "'" + uri.getHost() + path + "' has a path",
          "enter only https://api-<fqdn>, without " + path);
    }
  }

  private static URI parse(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw invalidUrl(
          "it is not a valid URL (" + e.getReason() + ")", "enter the Base URL as " + EXAMPLE);
    }
  }

  private static String apiKeyId(String raw) {
    String value = raw.trim();
    if (!NUMERIC.matcher(value).matches()) {
      // The value is not quoted: a key pasted into the wrong field must not end up in a message.
      throw new PermanentException(
          "The API Key ID is not a number",
          "enter the numeric value of the ID column of the API Keys table in the Cortex XDR console"
              + " (Settings > Configurations > Integrations > API Keys), for example 2");
    }
    return value;
  }

  private static boolean deltaOnLastSeen(String raw) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new PermanentException(
          "The setting '"
              + DELTA_ON_LAST_SEEN
              + "' must be true or false, not '"
              + shorten(value)
              + "'",
          "set it to true or false " + EDIT);
    }
    return Boolean.parseBoolean(value);
  }

  private static String shorten(String value) {
    return value.length() > 24 ? value.substring(0, 24) + "…" : value;
  }

  private static PermanentException invalidUrl(String why, String fix) {
    return new PermanentException("The Cortex XDR Base URL cannot be used: " + why, fix);
  }

  @Override
  public String toString() {
    return "CortexXdrConfig[baseUrl="
        + baseUrl
        + ", apiKey=****, apiKeyId="
        + apiKeyId
        + ", securityLevel="
        + securityLevel.label()
        + ", deltaOnLastSeen="
        + deltaOnLastSeen
        + ", requestsPerSecond="
        + requestsPerSecond
        + "]";
  }
}
