package dev.sightline.connector.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
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
   * Lets the JDK answer a proxy's Basic challenge on {@code CONNECT} tunnels. java.net.http
   * disables Basic there by default ({@code jdk.http.auth.tunneling.disabledSchemes=Basic} in the
   * JDK's net.properties, so a tunnel's credentials cannot leak in clear to a proxy the operator
   * did not mean), and it reads the property once, when its first client is built: so this must run
   * at start, before any HttpClient exists. Here the proxy is the operator's own and its
   * credentials are theirs to send; an explicit {@code -Djdk.http.auth.tunneling.disabledSchemes}
   * is left as given.
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
   * Routes the builder's calls through the proxy and answers its Basic challenge with the
   * configured credentials; nothing is changed when no proxy is set.
   */
  public HttpClient.Builder applyTo(HttpClient.Builder builder) {
    if (isSet()) {
      builder.proxy(selector()).authenticator(authenticator());
    }
    return builder;
  }

  /**
   * The built client, its calls through the proxy, its proxy failures raised as {@link
   * ProxyFailureException}s that say which hop failed. A client built without a proxy is returned
   * as it is.
   */
  public HttpClient build(HttpClient.Builder builder) {
    HttpClient client = applyTo(builder).build();
    return isSet() ? new ProxyAwareHttpClient(client, this) : client;
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
   * Gives the credentials of the proxy that asks, and only to a proxy: a vendor's own 401 never
   * gets them.
   */
  public Authenticator authenticator() {
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) {
          return null;
        }
        for (Optional<ProxyEndpoint> candidate : List.of(https, http)) {
          if (candidate.isPresent()
              && candidate.get().hasCredentials()
              && candidate.get().port() == getRequestingPort()
              && candidate.get().host().equalsIgnoreCase(getRequestingHost())) {
            ProxyEndpoint p = candidate.get();
            return new PasswordAuthentication(
                p.user().orElse(""), p.password().orElse("").toCharArray());
          }
        }
        return null;
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
