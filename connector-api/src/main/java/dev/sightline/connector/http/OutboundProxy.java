package dev.sightline.connector.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's outbound proxy, read once at start, and the route it gives each call: through the
 * proxy for {@code https://} (and {@code http://}) targets, direct for the hosts {@link NoProxy}
 * lists. Read as curl reads them: {@code https_proxy}/{@code HTTPS_PROXY} for https targets, {@code
 * http_proxy}/{@code HTTP_PROXY} for http ones, {@code no_proxy}/{@code NO_PROXY} (the lower-case
 * name first); {@code SIGHTLINE_PROXY_URL} overrides both proxies and {@code SIGHTLINE_NO_PROXY}
 * the bypass list. The password is never shown: {@link #toString} masks it. Immutable.
 */
public final class OutboundProxy {
  public static final String PROXY_URL_SETTING = "SIGHTLINE_PROXY_URL";
  public static final String NO_PROXY_SETTING = "SIGHTLINE_NO_PROXY";

  /** No proxy: every call direct. */
  public static final OutboundProxy NONE =
      new OutboundProxy(Optional.empty(), Optional.empty(), NoProxy.NONE);

  private final Optional<ProxyEndpoint> https;
  private final Optional<ProxyEndpoint> http;
  private final NoProxy bypass;

  public OutboundProxy(
      Optional<ProxyEndpoint> https, Optional<ProxyEndpoint> http, NoProxy bypass) {
    this.https = https;
    this.http = http;
    this.bypass = bypass;
  }

  /**
   * Reads the settings from the environment.
   *
   * @throws IllegalArgumentException naming the setting when a proxy URL is not {@code
   *     http://[user:password@]host:port} (its password masked)
   */
  public static OutboundProxy fromEnvironment(Map<String, String> env) {
    Optional<ProxyEndpoint> own = endpoint(env, PROXY_URL_SETTING);
    Optional<ProxyEndpoint> https =
        own.or(() -> endpoint(env, "https_proxy")).or(() -> endpoint(env, "HTTPS_PROXY"));
    Optional<ProxyEndpoint> http =
        own.or(() -> endpoint(env, "http_proxy")).or(() -> endpoint(env, "HTTP_PROXY"));
    // Present but empty still counts: an empty SIGHTLINE_NO_PROXY bypasses nothing, whatever
    // NO_PROXY says.
    String bypass =
        firstPresent(env, NO_PROXY_SETTING, "no_proxy", "NO_PROXY").map(env::get).orElse("");
    return new OutboundProxy(https, http, NoProxy.parse(bypass));
  }

  /**
   * Lets java.net.http send Basic proxy credentials on {@code CONNECT} tunnels. It disables Basic
   * there by default ({@code jdk.http.auth.tunneling.disabledSchemes=Basic} in the JDK's
   * net.properties, so a tunnel's credentials cannot go in clear to a proxy the operator did not
   * mean): a {@code Proxy-Authorization: Basic} header is then dropped from the CONNECT and an
   * authenticating proxy refuses every tunnel. The JDK reads the property once, when its first
   * client is built, so this must run at start, before any HttpClient exists. Here the proxy is the
   * operator's own and the credentials are theirs to send; an explicit {@code
   * -Djdk.http.auth.tunneling.disabledSchemes} is left as given.
   */
  public static void allowBasicForTunnels() {
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
  }

  /** Whether any proxy is set. */
  public boolean isSet() {
    return https.isPresent() || http.isPresent();
  }

  /** The proxy a call to this target goes through; empty for a direct call. */
  public Optional<ProxyEndpoint> routeFor(URI target) {
    if (target == null || target.getHost() == null || bypass.bypasses(target.getHost())) {
      return Optional.empty();
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "https", "wss" -> https;
      case "http", "ws" -> http;
      default -> Optional.empty();
    };
  }

  /** The proxy an HTTPS call to {@code host} goes through; empty for a direct call. */
  public Optional<ProxyEndpoint> routeForHttps(String host, int port) {
    return routeFor(URI.create("https://" + ProxyTunnel.authority(host, port) + "/"));
  }

  public NoProxy bypass() {
    return bypass;
  }

  /**
   * The built client, its calls through the proxy with the proxy's credentials, its proxy failures
   * raised as {@link ProxyFailureException}s that say which hop failed (see {@link
   * ProxyAwareHttpClient}). Without a proxy set, the builder's client as it is.
   */
  public HttpClient build(HttpClient.Builder builder) {
    if (!isSet()) {
      return builder.build();
    }
    return new ProxyAwareHttpClient(builder.proxy(selector()).build(), this);
  }

  /** Picks, per target, the proxy or a direct connection. */
  public ProxySelector selector() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(routeFor(uri).map(ProxyEndpoint::asProxy).orElse(Proxy.NO_PROXY));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // The call's own exception says it; there is no other proxy to fall back to.
      }
    };
  }

  /**
   * For logs and the start-up line, the password masked: e.g. {@code https via
   * http://u:***@proxy:3128 (HTTPS_PROXY); http direct; NO_PROXY: .corp}.
   */
  @Override
  public String toString() {
    if (!isSet()) {
      return "no proxy: every outbound call direct";
    }
    return "https via "
        + https.map(ProxyEndpoint::toString).orElse("direct")
        + "; http via "
        + http.map(ProxyEndpoint::toString).orElse("direct")
        + "; direct for: "
        + (bypass.toString().isEmpty() ? "(nothing)" : bypass.toString());
  }

  private static Optional<ProxyEndpoint> endpoint(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(v -> ProxyEndpoint.parse(v, name));
  }

  private static Optional<String> firstPresent(Map<String, String> env, String... names) {
    for (String name : names) {
      if (env.containsKey(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
