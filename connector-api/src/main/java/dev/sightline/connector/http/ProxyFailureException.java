package dev.sightline.connector.http;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A vendor call that failed at the proxy, not at the vendor: which hop failed and what to do. The
 * proxy is named with its password masked; a connector words the call's failure around {@link
 * #getMessage} and {@link #fix}. No retry fixes these but an unreachable proxy, which the retry
 * loop treats like any refused connection.
 */
public final class ProxyFailureException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Where the call stopped. */
  public enum Hop {
    /** No TCP connection to the proxy itself. */
    PROXY_UNREACHABLE,
    /** The proxy wants credentials (407, or the 401 Debian's tinyproxy 1.11 answers). */
    PROXY_CREDENTIALS,
    /** The proxy refused the tunnel by its policy (403). */
    PROXY_POLICY,
    /** The proxy could not reach the vendor, or answered something else. */
    PROXY_UPSTREAM
  }

  private final Hop hop;
  private final OptionalInt status;
  private final String fix;

  private ProxyFailureException(Hop hop, OptionalInt status, String message, String fix) {
    super(message);
    this.hop = hop;
    this.status = status;
    this.fix = fix;
  }

  public Hop hop() {
    return hop;
  }

  /** The HTTP status the proxy answered to CONNECT; empty when it could not be reached. */
  public OptionalInt status() {
    return status;
  }

  /** What the operator should do, in one sentence. */
  public String fix() {
    return fix;
  }

  /** No TCP connection to the proxy: its host or port is wrong, or it is down or firewalled. */
  public static ProxyFailureException unreachable(ProxyEndpoint proxy, Throwable cause) {
    String why = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    ProxyFailureException e =
        new ProxyFailureException(
            Hop.PROXY_UNREACHABLE,
            OptionalInt.empty(),
            "cannot connect to the proxy "
                + proxy.masked()
                + " named by "
                + proxy.source()
                + " ("
                + cause.getClass().getSimpleName()
                + NetworkFailures.shorten(why)
                + ")",
            "check the proxy's host and port in "
                + proxy.source()
                + ", that the proxy runs and that this server may reach it; for a vendor this"
                + " server reaches directly, untick 'Use proxy' on the connector or list the"
                + " vendor host in SIGHTLINE_NO_PROXY");
    e.initCause(cause);
    return e;
  }

  /**
   * The proxy answered {@code status} to the CONNECT for {@code target} ({@code host:port}): sorted
   * into credentials, policy or the proxy's own way out.
   */
  public static ProxyFailureException refused(ProxyEndpoint proxy, String target, int status) {
    String named = "the proxy " + proxy.masked() + " (" + proxy.source() + ")";
    if (status == 407 || status == 401) {
      return new ProxyFailureException(
          Hop.PROXY_CREDENTIALS,
          OptionalInt.of(status),
          proxy.hasCredentials()
              ? named
                  + " refused its credentials for the user '"
                  + proxy.user().orElse("")
                  + "': it answered HTTP "
                  + status
                  + " to CONNECT "
                  + target
              : named
                  + " asks for credentials: it answered HTTP "
                  + status
                  + " to CONNECT "
                  + target,
          "set the proxy's user name and password in "
              + proxy.source()
              + " as http://user:password@host:port (percent-encode special characters such as"
              + " @ or :), and check with the proxy's administrators that the account is"
              + " active");
    }
    if (status == 403) {
      return new ProxyFailureException(
          Hop.PROXY_POLICY,
          OptionalInt.of(status),
          named + " refused CONNECT " + target + " by its policy (HTTP 403)",
          "ask the proxy's administrators to allow HTTPS (CONNECT) to "
              + target
              + "; if this server reaches the vendor directly, untick 'Use proxy' on the"
              + " connector or list the vendor host in SIGHTLINE_NO_PROXY");
    }
    return new ProxyFailureException(
        Hop.PROXY_UPSTREAM,
        OptionalInt.of(status),
        named + " could not open a tunnel to " + target + " (it answered HTTP " + status + ")",
        "check the Url's host and port; the proxy itself cannot reach them, so check its own"
            + " route out and DNS with the proxy's administrators");
  }
}
