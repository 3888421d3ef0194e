package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Every user-facing failure of the connector, written in one place: each names the cause and the
 * fix, shows at most the host of the Url, and never a secret, a token or a query string.
 */
final class CrowdStrikeFailures {

  private static final int MAX_VENDOR_TEXT = 200;
  private static final String EDIT = "in Edit Connector";

  private final CrowdStrikeConfig config;

  CrowdStrikeFailures(CrowdStrikeConfig config) {
    this.config = config;
  }

  /** 400/401/403 on the token call. */
  PermanentException badCredentials(RawResponse response) {
    String vendor = vendorText(response);
    String fix = "check the Client ID and Client Secret " + EDIT + ", and that the API client is not"
        + " disabled; the Auth URL must match the tenant's region (" + CrowdStrikeRegion.catalogue() + ")";
    if (vendor.toLowerCase(Locale.ROOT).contains("authorization failed")) {
      fix += "; if the API client restricts source IPs, allow this server's address";
    }
    return new PermanentException(
        "CrowdStrike refused the client credentials (HTTP " + response.status() + ": " + vendor + ")", fix);
  }

  /** 403 on a data call: the API client lacks the endpoint's scope. */
  PermanentException missingScope(String path, String scope, RawResponse response) {
    String vendor = vendorText(response);
    String fix = "in the Falcon console under Support > API Clients and Keys, edit the API client, grant '"
        + scope + "' and run Test Connection again";
    if (vendor.toLowerCase(Locale.ROOT).contains("authorization failed")) {
      fix += "; if the API client restricts source IPs, also allow this server's address";
    }
    return new PermanentException(
        "CrowdStrike denied " + path + " (HTTP 403: " + vendor + "): the API client lacks the '"
            + scope + "' scope", fix);
  }

  PermanentException tokenRejectedTwice(RawResponse response) {
    return new PermanentException(
        "CrowdStrike rejected the access token twice in a row (HTTP 401: " + vendorText(response)
            + "), even a freshly issued one",
        "check that the Url " + EDIT + " is the API host of the tenant's own region (tokens only work"
            + " in the region that issued them: " + CrowdStrikeRegion.catalogue() + ") and that the API"
            + " client was not disabled or its secret rotated, then run the connector again");
  }

  /** A 3xx: CrowdStrike points at another region's host. */
  PermanentException redirected(RawResponse response) {
    String target = response.header("Location").map(CrowdStrikeFailures::hostOf).orElse("another host");
    String region = response.header("X-CS-Region").map(r -> " (region " + r + ")").orElse("");
    return new PermanentException(
        "CrowdStrike redirected the request from " + config.hostLabel() + " to " + target + region,
        "set the Url " + EDIT + " to https://" + target);
  }

  /** A network failure that retrying did not fix, or that retrying cannot fix. */
  PermanentException unreachable(IOException failure, int attempts) {
    String host = config.hostLabel();
    if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
      return new PermanentException("Cannot resolve the CrowdStrike host '" + config.baseUrl().getHost() + "'",
          "check the Url " + EDIT + " (" + CrowdStrikeRegion.catalogue() + ") and that DNS works from this server",
          failure);
    }
    if (isTlsFailure(failure)) {
      return tlsFailed(failure);
    }
    if (has(failure, HttpConnectTimeoutException.class) || has(failure, ConnectException.class)) {
      return new PermanentException("Cannot connect to the CrowdStrike host " + host + " ("
          + describe(failure) + ")",
          "check the Url and port " + EDIT + ", and that firewalls and proxies allow outbound HTTPS to it",
          failure);
    }
    return new PermanentException("The connection to the CrowdStrike host " + host + " kept failing ("
        + describe(failure) + ") after " + attempts + " attempts",
        "check the network and any proxy between this server and CrowdStrike, then run the connector again",
        failure);
  }

  PermanentException tlsFailed(Exception failure) {
    return new PermanentException("The TLS handshake with the CrowdStrike host " + config.hostLabel()
        + " failed (" + describe(failure) + ")",
        "check that the Url's host name is the one on the server's certificate; if a proxy inspects TLS"
            + " or the server uses a private CA, add that CA to the trusted certificates", failure);
  }

  UnexpectedResponseException unexpected(String what, RawResponse response) {
    String vendor = vendorText(response);
    return new UnexpectedResponseException("CrowdStrike answered " + what + " with HTTP " + response.status()
        + (vendor.isEmpty() ? "" : " (" + vendor + ")") + " that the connector does not understand; trace id "
        + response.traceId());
  }

  UnexpectedResponseException vendorErrors(String what, RawResponse response) {
    return new UnexpectedResponseException("CrowdStrike reported an error on " + what + " (HTTP "
        + response.status() + ": " + vendorText(response) + "); trace id " + response.traceId());
  }

  /** Failures that no retry can fix: unknown host, refused connection, untrusted certificate. */
  static boolean isPermanent(IOException failure) {
    return has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)
        || has(failure, ConnectException.class) || has(failure, HttpConnectTimeoutException.class)
        || isTlsFailure(failure);
  }

  static boolean isTlsFailure(Throwable failure) {
    if (has(failure, CertificateException.class)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException && !has(t, java.io.EOFException.class)) {
        String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return !text.contains("terminated the handshake") && !text.contains("connection reset");
      }
    }
    return false;
  }

  /** The vendor's error text with any secret blanked out, shortened. */
  String vendorText(RawResponse response) {
    String text = CrowdStrikeWire.firstErrorMessage(response);
    if (text.isEmpty()) {
      text = "no error message";
    }
    text = text.replace(config.clientSecret(), "****");
    return text.length() > MAX_VENDOR_TEXT ? text.substring(0, MAX_VENDOR_TEXT) + "…" : text;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > MAX_VENDOR_TEXT ? text.substring(0, MAX_VENDOR_TEXT) + "…" : text;
  }

  private static String hostOf(String location) {
    try {
      String host = java.net.URI.create(location).getHost();
      return host == null ? "another host" : host;
    } catch (IllegalArgumentException e) {
      return "another host";
    }
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
