package dev.sightline.connector.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP proxy as the operator named it: {@code http://[user:password@]host:port}. The password
 * is a secret: {@link #toString} and {@link #masked} show it as {@code ***}, and nothing else of
 * this record gives it out but the {@code Proxy-Authorization} value sent to the proxy itself.
 *
 * @param source the setting that named it (e.g. {@code HTTPS_PROXY}), for messages
 */
public record ProxyEndpoint(
    String host, int port, Optional<String> user, Optional<String> password, String source) {

  /** curl's default when a proxy URL names no port. */
  public static final int DEFAULT_PORT = 1080;

  public ProxyEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(source, "source");
  }

  /**
   * Parses a proxy URL as curl does: the scheme may be left out ({@code http} is meant), the port
   * too ({@value #DEFAULT_PORT}); the user and password are percent-decoded. Only {@code http://}
   * proxies are supported (TLS to the proxy itself is not).
   *
   * @throws IllegalArgumentException naming the setting and the value with its password masked
   */
  public static ProxyEndpoint parse(String value, String source) {
    String raw = value.trim();
    String rest = raw;
    int scheme = raw.indexOf("://");
    if (scheme >= 0) {
      String name = raw.substring(0, scheme);
      if (!name.equalsIgnoreCase("http")) {
        throw invalid(
            source,
            raw,
            "only http:// proxies are supported (the tunnel to the vendor is TLS end to end"
                + " anyway), not "
                + name
                + "://");
      }
      rest = raw.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      rest = rest.substring(0, slash);
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String name = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      user = Optional.of(decode(name, source, raw)).filter(u -> !u.isEmpty());
      password =
          colon >= 0 ? Optional.of(decode(userInfo.substring(colon + 1), source, raw)) : password;
    }
    String host;
    String port;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw invalid(source, raw, "an IPv6 address must be closed by ']'");
      }
      host = rest.substring(1, close);
      port = rest.substring(close + 1);
      port = port.startsWith(":") ? port.substring(1) : port;
    } else {
      int colon = rest.lastIndexOf(':');
      host = colon >= 0 ? rest.substring(0, colon) : rest;
      port = colon >= 0 ? rest.substring(colon + 1) : "";
    }
    if (host.isBlank()) {
      throw invalid(source, raw, "it names no host");
    }
    int number = DEFAULT_PORT;
    if (!port.isEmpty()) {
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number < 1 || number > 65535) {
        throw invalid(source, raw, "the port must be a number from 1 to 65535");
      }
    }
    return new ProxyEndpoint(host, number, user, password, source);
  }

  /** {@code http://user:***@host:port}, or {@code http://host:port} without credentials. */
  public String masked() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "http://"
        + user.map(u -> u + (password.isPresent() ? ":***" : "") + "@").orElse("")
        + hostPart
        + ":"
        + port;
  }

  /** Whether the operator gave credentials for it. */
  public boolean hasCredentials() {
    return user.isPresent();
  }

  /** The {@code Proxy-Authorization} value for Basic, when credentials were given. */
  Optional<String> basicAuthorization() {
    return user.map(
        u ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The proxy as java.net names it, its host resolved now: java.net.http cannot connect to an
   * unresolved proxy address (it fails with a bare ConnectException), so each call's selection
   * resolves it, following the proxy's DNS as it changes.
   */
  public Proxy asProxy() {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port));
  }

  @Override
  public String toString() {
    return masked() + " (" + source + ")";
  }

  /** The value with the password between "user:" and "@" replaced by ***: safe for messages. */
  static String mask(String value) {
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return value;
    }
    int start = value.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    if (start > at) {
      return value;
    }
    int colon = value.indexOf(':', start);
    return colon >= 0 && colon < at
        ? value.substring(0, colon) + ":***" + value.substring(at)
        : value;
  }

  private static String decode(String text, String source, String raw) {
    try {
      // Percent-decoding only: a '+' in a password is a plus, not a space.
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(source, raw, "a '%' in the user or password must start a %XX escape");
    }
  }

  private static IllegalArgumentException invalid(String source, String raw, String why) {
    return new IllegalArgumentException(
        source
            + " is '"
            + mask(raw)
            + "': "
            + why
            + "; write it as http://[user:password@]host:port");
  }
}
