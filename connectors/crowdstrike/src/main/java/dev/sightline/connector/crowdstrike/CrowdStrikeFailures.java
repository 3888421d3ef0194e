package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.VendorReply;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.UntrustedCertificateException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Every user-facing failure of the connector, written in one place: each names the cause and the
 * fix, shows at most the host of the Url, and never a secret, a token or a query string.
 */
final class CrowdStrikeFailures {

  private static final String EDIT = "in Edit Connector";

  private final CrowdStrikeConfig config;

  CrowdStrikeFailures(CrowdStrikeConfig config) {
    this.config = config;
  }

  /** 400/401/403 on the token call. */
  PermanentException badCredentials(RawResponse response) {
    String vendor = vendorText(response);
    String fix =
        "check the Client ID and Client Secret "
            + EDIT
            + ", and that the API client is not"
            + " disabled; the Auth URL must match the tenant's region ("
            + CrowdStrikeRegion.catalogue()
            + ")";
    if (vendor.toLowerCase(Locale.ROOT).contains("authorization failed")) {
      fix += "; if the API client restricts source IPs, allow this server's address";
    }
    return new PermanentException(
        "CrowdStrike refused the client credentials (HTTP "
            + response.status()
            + ": "
            + vendor
            + ")",
        fix,
        reply(response));
  }

  /** 403 on a data call: the API client lacks the endpoint's scope. */
  PermanentException missingScope(String path, String scope, RawResponse response) {
    String vendor = vendorText(response);
    String fix =
        "in the Falcon console under Support > API Clients and Keys, edit the API client, grant '"
            + scope
            + "' and run Test Connection again";
    if (vendor.toLowerCase(Locale.ROOT).contains("authorization failed")) {
      fix += "; if the API client restricts source IPs, also allow this server's address";
    }
    return new PermanentException(
        "CrowdStrike denied "
            + path
            + " (HTTP 403: "
            + vendor
            + "): the API client lacks the '"
            + scope
            + "' scope",
        fix,
        reply(response));
  }

  PermanentException tokenRejectedTwice(RawResponse response) {
    return new PermanentException(
        "CrowdStrike rejected the access token twice in a row (HTTP 401: "
            + vendorText(response)
            + "), even a freshly issued one",
        "check that the Url "
            + EDIT
            + " is the API host of the tenant's own region (tokens only work"
            + " in the region that issued them: "
            + CrowdStrikeRegion.catalogue()
            + ") and that the API"
            + " client was not disabled or its secret rotated, then run the connector again",
        reply(response));
  }

  /** A 3xx: CrowdStrike points at another region's host. */
  PermanentException redirected(RawResponse response) {
    String target =
        response.header("Location").map(CrowdStrikeFailures::hostOf).orElse("another host");
    String region = response.header("X-CS-Region").map(r -> " (region " + r + ")").orElse("");
    return new PermanentException(
        "CrowdStrike redirected the request from " + config.hostLabel() + " to " + target + region,
        "set the Url " + EDIT + " to https://" + target,
        reply(response));
  }

  /** A network failure that retrying did not fix, or that retrying cannot fix. */
  PermanentException unreachable(IOException failure, int attempts) {
    String host = config.hostLabel();
    java.util.Optional<dev.sightline.connector.http.ProxyFailureException> atProxy =
        NetworkFailures.proxyFailure(failure);
    if (atProxy.isPresent()) {
      // The hop that failed is the proxy's: say so, naming it (password masked) and its answer.
      return new PermanentException(
          "Cannot reach the CrowdStrike host "
              + host
              + " through the proxy: "
              + atProxy.get().getMessage(),
          atProxy.get().fix(),
          failure);
    }
    if (NetworkFailures.cannotResolve(failure)) {
      return new PermanentException(
          "Cannot resolve the CrowdStrike host '" + config.baseUrl().getHost() + "'",
          "check the Url "
              + EDIT
              + " ("
              + CrowdStrikeRegion.catalogue()
              + ") and that DNS works from this server",
          failure);
    }
    if (NetworkFailures.isTlsFailure(failure)) {
      return tlsFailed(failure);
    }
    if (NetworkFailures.cannotConnect(failure)) {
      return new PermanentException(
          "Cannot connect to the CrowdStrike host " + host + " (" + describe(failure) + ")",
          "check the Url and port "
              + EDIT
              + ", and that firewalls and proxies allow outbound HTTPS to it",
          failure);
    }
    return new PermanentException(
        "The connection to the CrowdStrike host "
            + host
            + " kept failing ("
            + describe(failure)
            + ") after "
            + attempts
            + " attempts",
        "check the network and any proxy between this server and CrowdStrike, then run the connector again",
        failure);
  }

  PermanentException tlsFailed(Exception failure) {
    Optional<UntrustedCertificateException> untrusted =
        NetworkFailures.untrustedCertificate(failure);
    if (untrusted.isPresent()) {
      return untrustedCertificate(untrusted.get(), failure);
    }
    return new PermanentException(
        "The TLS handshake with the CrowdStrike host "
            + config.hostLabel()
            + " failed ("
            + describe(failure)
            + ")",
        "check that the Url's host name is the one on the server's certificate; if a proxy inspects TLS"
            + " or the server uses a private CA, add that CA to the trusted certificates (the file SIGHTLINE_EXTRA_CA_FILE"
            + " names)",
        failure);
  }

  /**
   * No trusted CA vouches for the certificate presented: name its issuer, which is the proxy's CA
   * when a proxy inspects TLS, and the one setting that fixes it.
   */
  private PermanentException untrustedCertificate(
      UntrustedCertificateException untrusted, Exception failure) {
    return new PermanentException(
        "The TLS handshake with the CrowdStrike host "
            + config.hostLabel()
            + " failed: "
            + untrusted.getMessage(),
        "if "
            + untrusted.root()
            + " is your company's CA (a proxy that inspects TLS presents certificates of its own CA)"
            + " or the CrowdStrike host's private CA, add its certificate (PEM) to the file"
            + " SIGHTLINE_EXTRA_CA_FILE names and restart Sightline; if you do not know that CA,"
            + " something between this server and CrowdStrike intercepts the connection: check the"
            + " Url "
            + EDIT
            + " and the network path",
        failure);
  }

  UnexpectedResponseException unexpected(String what, RawResponse response) {
    String vendor = vendorText(response);
    return new UnexpectedResponseException(
        "CrowdStrike answered "
            + what
            + " with HTTP "
            + response.status()
            + (vendor.isEmpty() ? "" : " (" + vendor + ")")
            + " that the connector does not understand; trace id "
            + response.traceId(),
        reply(response));
  }

  UnexpectedResponseException vendorErrors(String what, RawResponse response) {
    return new UnexpectedResponseException(
        "CrowdStrike reported an error on "
            + what
            + " (HTTP "
            + response.status()
            + ": "
            + vendorText(response)
            + "); trace id "
            + response.traceId(),
        reply(response));
  }

  /**
   * The vendor's own answer: its status, its first error message (secret blanked out) and its trace
   * id, from the {@code X-CS-TRACEID} header or, failing that, {@code meta.trace_id}.
   */
  VendorReply reply(RawResponse response) {
    String text = CrowdStrikeWire.firstErrorMessage(response);
    String message =
        text.isEmpty() ? "" : NetworkFailures.shorten(text.replace(config.clientSecret(), "****"));
    Optional<String> trace =
        response
            .header("X-CS-TRACEID")
            .or(
                () ->
                    CrowdStrikeWire.tree(response)
                        .map(body -> body.path("meta").path("trace_id").asText(""))
                        .filter(t -> !t.isBlank()));
    return new VendorReply(response.status(), message, trace);
  }

  /** The vendor's error text with any secret blanked out, shortened. */
  String vendorText(RawResponse response) {
    String text = CrowdStrikeWire.firstErrorMessage(response);
    if (text.isEmpty()) {
      text = "no error message";
    }
    return NetworkFailures.shorten(text.replace(config.clientSecret(), "****"));
  }

  private static String describe(Throwable failure) {
    return NetworkFailures.shorten(NetworkFailures.describe(failure));
  }

  private static String hostOf(String location) {
    try {
      String host = java.net.URI.create(location).getHost();
      return host == null ? "another host" : host;
    } catch (IllegalArgumentException e) {
      return "another host";
    }
  }
}
