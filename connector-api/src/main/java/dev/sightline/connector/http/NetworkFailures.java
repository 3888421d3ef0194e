package dev.sightline.connector.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sorts network failures of an HTTPS vendor call into what retrying can and cannot fix, so every
 * connector gives up on the same failures. Connectors word the messages themselves. Stateless.
 */
public final class NetworkFailures {
  /** Vendor texts and exception messages are cut here so a message stays readable. */
  public static final int MAX_TEXT = 200;

  private NetworkFailures() {}

  /**
   * Failures that no retry can fix: unknown host, refused connection, untrusted certificate, a
   * proxy that refuses its credentials or the tunnel.
   */
  public static boolean isPermanent(IOException failure) {
    return cannotResolve(failure)
        || cannotConnect(failure)
        || isTlsFailure(failure)
        || proxyFailure(failure)
            .filter(p -> p.hop() != ProxyFailureException.Hop.PROXY_UPSTREAM)
            .isPresent();
  }

  /**
   * The failure at the proxy, when the call failed there (see {@link ProxyFailureException}): a
   * connector words it naming the proxy, not the vendor.
   */
  public static java.util.Optional<ProxyFailureException> proxyFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProxyFailureException p) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  /** The host name does not resolve. */
  public static boolean cannotResolve(Throwable failure) {
    return has(failure, UnknownHostException.class)
        || has(failure, UnresolvedAddressException.class);
  }

  /** The host resolves but no TCP connection could be opened. */
  public static boolean cannotConnect(Throwable failure) {
    return has(failure, HttpConnectTimeoutException.class) || has(failure, ConnectException.class);
  }

  /**
   * A handshake that failed on trust or host name; a handshake the peer merely cut short (reset,
   * EOF) is a network blip and may be retried.
   */
  public static boolean isTlsFailure(Throwable failure) {
    if (has(failure, CertificateException.class)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException && !has(t, EOFException.class)) {
        String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return !text.contains("terminated the handshake") && !text.contains("connection reset");
      }
    }
    return false;
  }

  /**
   * The untrusted certificate behind a failed handshake, naming the issuer of the certificate the
   * server presented; empty for any other failure (or a trust manager that does not say).
   */
  public static Optional<UntrustedCertificateException> untrustedCertificate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UntrustedCertificateException untrusted) {
        return Optional.of(untrusted);
      }
    }
    return Optional.empty();
  }

  /** The exception's type and message, e.g. {@code ConnectException: Connection refused}. */
  public static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** {@code text} cut to {@link #MAX_TEXT} characters, marked with an ellipsis when cut. */
  public static String shorten(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
