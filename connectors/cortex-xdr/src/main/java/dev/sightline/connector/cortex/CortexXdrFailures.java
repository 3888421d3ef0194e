package dev.sightline.connector.cortex;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.VendorReply;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.cortex.CortexXdrWire.Quota;
import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.UntrustedCertificateException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Every user-facing failure of the connector, written in one place: each names the cause and the
 * fix, shows at most the host of the Base URL, and never the key, a nonce or a signature.
 */
final class CortexXdrFailures {

  private static final String EDIT = "in Edit Connector";
  private static final String KEYS_PAGE = "Settings > Configurations > Integrations > API Keys";

  private final CortexXdrConfig config;

  CortexXdrFailures(CortexXdrConfig config) {
    this.config = config;
  }

  /** 401: the key, its id or the security level is wrong, or the key expired. */
  PermanentException badKey(CortexXdrCall call, RawResponse response) {
    String level = config.securityLevel().label();
    return new PermanentException(
        "Cortex XDR refused the API key on "
            + call.label()
            + " (HTTP 401: "
            + vendorText(response)
            + "): the API Key, the API Key ID ("
            + config.apiKeyId()
            + ") or the Security Level ("
            + level
            + ") does not match a valid key, or the key expired",
        "in the Cortex XDR console under "
            + KEYS_PAGE
            + ", check that key "
            + config.apiKeyId()
            + " exists, has not expired and is of security level "
            + level
            + "; then enter the key,"
            + " its ID and its Security Level "
            + EDIT
            + " (generate a new key if the old one was lost)"
            + (config.securityLevel() == CortexXdrConfig.SecurityLevel.ADVANCED
                ? "; an advanced key also needs this server's clock to be within minutes of real time"
                : ""),
        reply(response));
  }

  /** 402: the tenant lacks the license the call needs. */
  PermanentException missingLicense(CortexXdrCall call, RawResponse response) {
    String license =
        call.xql()
            ? "Cortex XDR Pro per Endpoint with the Host Insights add-on (vulnerability data comes from XQL"
                + " over the va_endpoints and va_cves datasets)"
            : "Cortex XDR Prevent or Pro per Endpoint";
    String fix =
        call.xql()
            ? "ask your Palo Alto Networks account team to enable Host Insights for the tenant, or set Data"
                + " to Sync to 'Assets' to import endpoints without vulnerabilities"
            : "ask your Palo Alto Networks account team to license the tenant for endpoint management";
    return new PermanentException(
        "Cortex XDR refused "
            + call.label()
            + " (HTTP 402: "
            + vendorText(response)
            + "): the tenant lacks the license it needs, "
            + license,
        fix,
        reply(response));
  }

  /** 403: the key's role may not run the call. */
  PermanentException missingPermission(CortexXdrCall call, RawResponse response) {
    String needed =
        call.xql()
            ? "view access to XQL queries and Host Insights (vulnerability assessment) data"
            : "view access to Endpoint Administration";
    String fix =
        "in the Cortex XDR console under "
            + KEYS_PAGE
            + ", give key "
            + config.apiKeyId()
            + " the Viewer role, or a custom role with "
            + needed
            + ", then run Test Connection again";
    if (call.xql()) {
      fix +=
          "; if dataset access management is on, also grant the role the va_endpoints and va_cves datasets";
    }
    return new PermanentException(
        "Cortex XDR denied "
            + call.label()
            + " (HTTP 403: "
            + vendorText(response)
            + "): the API key's role lacks "
            + needed,
        fix,
        reply(response));
  }

  /** 404 or a redirect: the host answers, but it is not the tenant's API. */
  PermanentException notTheApi(CortexXdrCall call, RawResponse response) {
    return new PermanentException(
        "The host "
            + config.hostLabel()
            + " answered "
            + call.label()
            + " with HTTP "
            + response.status()
            + ": it is not the Cortex XDR API of a tenant",
        "set the Base URL "
            + EDIT
            + " to https://api-<fqdn> as shown by View Examples on the key in "
            + KEYS_PAGE,
        reply(response));
  }

  PermanentException quotaExhausted(Quota quota) {
    return new PermanentException(
        String.format(
            Locale.ROOT,
            "The tenant's daily XQL query quota is used up (%.2f of %.2f query units used), so Cortex XDR"
                + " would refuse the vulnerability query",
            quota.usedQuota(),
            quota.licenseQuota() + quota.additionalPurchasedQuota()),
        "wait until the quota resets (daily) and run the connector again, or add query units to the"
            + " tenant's license; other integrations running XQL on the tenant share the same quota");
  }

  /** The vendor refused a query because the daily quota ran out while the connector ran. */
  PermanentException quotaRefused(CortexXdrCall call, RawResponse response) {
    return new PermanentException(
        "Cortex XDR refused "
            + call.label()
            + " because the tenant's daily XQL query"
            + " quota is used up (HTTP "
            + response.status()
            + ": "
            + vendorText(response)
            + ")",
        "wait until the quota resets (daily) and run the connector again, or add query units to the"
            + " tenant's license; other integrations running XQL on the tenant share the same quota",
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
          "Cannot reach the Cortex XDR host "
              + host
              + " through the proxy: "
              + atProxy.get().getMessage(),
          atProxy.get().fix(),
          failure);
    }
    if (NetworkFailures.cannotResolve(failure)) {
      return new PermanentException(
          "Cannot resolve the Cortex XDR host '" + config.baseUrl().getHost() + "'",
          "check the Base URL "
              + EDIT
              + " (https://api-<fqdn>, the FQDN of your tenant's region) and that"
              + " DNS works from this server",
          failure);
    }
    if (NetworkFailures.isTlsFailure(failure)) {
      return tlsFailed(failure);
    }
    if (NetworkFailures.cannotConnect(failure)) {
      return new PermanentException(
          "Cannot connect to the Cortex XDR host " + host + " (" + describe(failure) + ")",
          "check the Base URL and port "
              + EDIT
              + ", and that firewalls and proxies allow outbound HTTPS"
              + " (port 443) to it",
          failure);
    }
    return new PermanentException(
        "The connection to the Cortex XDR host "
            + host
            + " kept failing ("
            + describe(failure)
            + ") after "
            + attempts
            + " attempts",
        "check the network and any proxy between this server and Cortex XDR, then run the connector again",
        failure);
  }

  PermanentException tlsFailed(Exception failure) {
    Optional<UntrustedCertificateException> untrusted =
        NetworkFailures.untrustedCertificate(failure);
    if (untrusted.isPresent()) {
      return untrustedCertificate(untrusted.get(), failure);
    }
    return new PermanentException(
        "The TLS handshake with the Cortex XDR host "
            + config.hostLabel()
            + " failed ("
            + describe(failure)
            + ")",
        "check that the Base URL's host name is the one on the server's certificate; if a proxy inspects"
            + " TLS or the server uses a private CA, add that CA to the trusted certificates (the file SIGHTLINE_EXTRA_CA_FILE"
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
        "The TLS handshake with the Cortex XDR host "
            + config.hostLabel()
            + " failed: "
            + untrusted.getMessage(),
        "if "
            + untrusted.root()
            + " is your company's CA (a proxy that inspects TLS presents certificates of its own CA)"
            + " or the Cortex XDR host's private CA, add its certificate (PEM) to the file"
            + " SIGHTLINE_EXTRA_CA_FILE names and restart Sightline; if you do not know that CA,"
            + " something between this server and Cortex XDR intercepts the connection: check the"
            + " Base URL "
            + EDIT
            + " and the network path",
        failure);
  }

  UnexpectedResponseException unexpected(CortexXdrCall call, RawResponse response) {
    String vendor = vendorText(response);
    return new UnexpectedResponseException(
        "Cortex XDR answered "
            + call.label()
            + " with HTTP "
            + response.status()
            + (vendor.isEmpty() ? "" : " (" + vendor + ")")
            + " that the connector does not understand",
        reply(response));
  }

  UnexpectedResponseException unexpectedShape(CortexXdrCall call) {
    return new UnexpectedResponseException(
        "Cortex XDR answered "
            + call.label()
            + " with a reply of a shape the connector does not understand");
  }

  /**
   * The vendor's own answer: its status and its error text ({@code reply.err_msg} with {@code
   * err_extra}), key blanked out. Cortex XDR sends no trace id.
   */
  VendorReply reply(RawResponse response) {
    String text = CortexXdrWire.errorMessage(response).replace(config.apiKey(), "****");
    return VendorReply.of(response.status(), NetworkFailures.shorten(text));
  }

  /** The vendor's error text with any secret blanked out, shortened; "no error message" if none. */
  String vendorText(RawResponse response) {
    String text = CortexXdrWire.errorMessage(response).replace(config.apiKey(), "****");
    if (text.isEmpty()) {
      return "no error message";
    }
    return NetworkFailures.shorten(text);
  }

  private String describe(Throwable failure) {
    return NetworkFailures.shorten(
        NetworkFailures.describe(failure).replace(config.apiKey(), "****"));
  }
}
