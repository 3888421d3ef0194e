package dev.sightline.connector;

import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.connector.http.ProxyEndpoint;
import dev.sightline.connector.http.ProxyTunnel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The vendor-neutral parts of Test Connection: running the five checks in order (a failed check
 * skips the ones after it) and the network and TLS probes every HTTPS vendor needs. Connectors
 * supply the vendor steps and word their own failures. Stateless and thread-safe.
 */
public final class ConnectionChecks {
  private ConnectionChecks() {}

  /** One check: passes with a message, or throws a {@link ConnectorException} that says why not. */
  @FunctionalInterface
  public interface Step {
    String run() throws InterruptedException;
  }

  /**
   * Runs the steps in the seed's order, timing each; every check must have a step. A step's {@link
   * PermanentException} becomes its message (the reason) and its fix, apart.
   */
  public static List<CheckResult> run(Map<Check, Step> steps) throws InterruptedException {
    List<CheckResult> results = new ArrayList<>();
    boolean failed = false;
    for (Check check : Check.values()) {
      if (failed) {
        results.add(CheckResult.skipped(check));
        continue;
      }
      Step step = steps.get(check);
      if (step == null) {
        throw new IllegalArgumentException("no step for check " + check);
      }
      CheckResult result;
      long started = System.nanoTime();
      try {
        result = CheckResult.passed(check, step.run());
      } catch (ConnectorException e) {
        result = CheckResult.failed(check, e);
      }
      // A duration, not a point in time: the monotonic clock, which a wall-clock change cannot
      // skew.
      result = result.took(Duration.ofNanos(System.nanoTime() - started));
      failed = !result.passed();
      results.add(result);
    }
    return results;
  }

  /** The vendor's API host, as the network and TLS checks probe it. */
  public record HttpsHost(String host, int port, String label, SSLContext tls, Duration timeout) {}

  /**
   * Runs the checks of an HTTPS vendor: the network and TLS checks probe {@code api} here, the rest
   * are the vendor's. A failed probe reaches {@code unreachable} as an {@link UnknownHostException}
   * or a {@link ConnectException}, and {@code tlsFailed} as it came, so the connector words them
   * just like the same failure of a vendor call.
   */
  public static List<CheckResult> run(
      HttpsHost api,
      Function<IOException, ? extends RuntimeException> unreachable,
      Function<IOException, ? extends RuntimeException> tlsFailed,
      Step authenticate,
      Step authorize,
      Step fetch)
      throws InterruptedException {
    return run(api, OutboundProxy.NONE, unreachable, tlsFailed, authenticate, authorize, fetch);
  }

  /**
   * The same checks, the network and TLS probes through the operator's proxy when it applies to the
   * host: the network check then opens the proxy's CONNECT tunnel, so a proxy that cannot be
   * reached, refuses its credentials (407, or tinyproxy's 401) or refuses the tunnel by policy
   * (403) fails it, reaching {@code unreachable} as a {@link ProxyFailureException} that names the
   * proxy (password masked), the status and the fix.
   */
  public static List<CheckResult> run(
      HttpsHost api,
      OutboundProxy proxy,
      Function<IOException, ? extends RuntimeException> unreachable,
      Function<IOException, ? extends RuntimeException> tlsFailed,
      Step authenticate,
      Step authorize,
      Step fetch)
      throws InterruptedException {
    Optional<ProxyEndpoint> route = proxy.routeForHttps(api.host(), api.port());
    return run(
        Map.of(
            Check.NETWORK_REACHABILITY, () -> reach(api, route, unreachable),
            Check.TLS_HANDSHAKE, () -> negotiate(api, route, tlsFailed),
            Check.AUTHENTICATION, authenticate,
            Check.AUTHORIZATION_SCOPE, authorize,
            Check.DATA_FETCH, fetch));
  }

  private static String reach(
      HttpsHost api,
      Optional<ProxyEndpoint> route,
      Function<IOException, ? extends RuntimeException> unreachable) {
    if (route.isPresent()) {
      try (Socket tunnel = ProxyTunnel.open(route.get(), api.host(), api.port(), api.timeout())) {
        return "reached "
            + api.label()
            + " through the proxy "
            + route.get().masked()
            + " (CONNECT answered 200)";
      } catch (IOException e) {
        throw unreachable.apply(e);
      }
    }
    try {
      connect(api.host(), api.port(), api.timeout());
      return "reached " + api.label() + " over TCP";
    } catch (UnknownHostException e) {
      throw unreachable.apply(e);
    } catch (IOException e) {
      throw unreachable.apply(asConnectFailure(e));
    }
  }

  private static String negotiate(
      HttpsHost api,
      Optional<ProxyEndpoint> route,
      Function<IOException, ? extends RuntimeException> tlsFailed) {
    try {
      String protocol;
      if (route.isPresent()) {
        try (Socket tunnel = ProxyTunnel.open(route.get(), api.host(), api.port(), api.timeout())) {
          protocol = handshakeOver(tunnel, api.tls(), api.host(), api.port());
        }
      } else {
        protocol = handshake(api.tls(), api.host(), api.port(), api.timeout());
      }
      return "negotiated "
          + protocol
          + " with "
          + api.label()
          + ", certificate trusted for "
          + api.host()
          + route.map(p -> " (through the proxy " + p.masked() + ")").orElse("");
    } catch (IOException e) {
      throw tlsFailed.apply(e);
    }
  }

  /** Opens (and closes) a TCP connection to the host and port. */
  public static void connect(String host, int port, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
    }
  }

  /**
   * Completes a TLS handshake with host-name verification and returns the negotiated protocol, e.g.
   * {@code TLSv1.3}.
   */
  public static String handshake(SSLContext tls, String host, int port, Duration timeout)
      throws IOException {
    int millis = Math.toIntExact(timeout.toMillis());
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), millis);
      plain.setSoTimeout(millis);
      return handshakeOver(plain, tls, host, port);
    }
  }

  /** A TLS handshake over a connected socket (the caller closes it), host name verified. */
  private static String handshakeOver(Socket plain, SSLContext tls, String host, int port)
      throws IOException {
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, false)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  private static IOException asConnectFailure(IOException e) {
    if (e instanceof ConnectException) {
      return e;
    }
    ConnectException connect =
        new ConnectException(
            e instanceof SocketTimeoutException ? "no answer in time" : e.getMessage());
    connect.initCause(e);
    return connect;
  }
}
