package dev.sightline.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses outbound connector targets on private, loopback or link-local addresses unless the
 * operator listed the host in {@code SIGHTLINE_ALLOWED_TARGETS}, so a connector URL cannot be used
 * to probe the network Sightline runs in.
 */
public final class TargetPolicy {
  private final Set<String> allowedHosts;
  private final Resolver resolver;

  /** Finds a host's addresses: the JVM's resolver, or one a test controls. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public TargetPolicy(Set<String> allowedHosts) {
    this(allowedHosts, InetAddress::getAllByName);
  }

  public TargetPolicy(Set<String> allowedHosts, Resolver resolver) {
    this.resolver = resolver;
    this.allowedHosts =
        allowedHosts.stream()
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  /** Parses the comma-separated {@code SIGHTLINE_ALLOWED_TARGETS} value. */
  public static TargetPolicy fromList(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return new TargetPolicy(Set.of());
    }
    return new TargetPolicy(
        Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()));
  }

  /**
   * Throws {@link TargetRefusedException} with the reason and the fix when the URL may not be used.
   */
  public void check(URI url) {
    if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("https")) {
      throw new TargetRefusedException(
          "The URL '"
              + safe(url)
              + "' is not an https:// URL: vendor APIs are only called over HTTPS");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw new TargetRefusedException("The URL '" + safe(url) + "' has no host name");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      // Unresolvable hosts are reported by the connector's reachability check with its own fix.
      return;
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new TargetRefusedException(
            "The host '"
                + bare
                + "' resolves to the private or loopback address "
                + address.getHostAddress()
                + "; add it to SIGHTLINE_ALLOWED_TARGETS (comma-separated hosts) to allow it");
      }
    }
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 16) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0
        || (first == 100 && second >= 64 && second <= 127) // CGNAT
        || (first == 169 && second == 254);
  }

  private static String safe(URI url) {
    // Never echo user info or query strings: they may carry credentials.
    return (url.getScheme() == null ? "" : url.getScheme() + "://")
        + (url.getHost() == null ? "" : url.getHost())
        + (url.getPort() > 0 ? ":" + url.getPort() : "");
  }

  public static final class TargetRefusedException extends RuntimeException {
    TargetRefusedException(String message) {
      super(message);
    }
  }
}
