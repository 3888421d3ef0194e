package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.http.UntrustedCertificateException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class CortexXdrFailuresTest {
  private static final String PROXY_CA = "CN=Acme TLS Inspection CA,O=Acme";

  private final CortexXdrFailures failures =
      new CortexXdrFailures(
          CortexXdrConfig.from(
              new ConnectorConfig(
                  Map.of(
                      CortexXdrConfig.URL,
                      "https://api-acme.xdr.us.paloaltonetworks.com",
                      CortexXdrConfig.API_KEY,
                      "s3cr3t",
                      CortexXdrConfig.API_KEY_ID,
                      "42"))));

  /** As the JDK reports it: the trust manager's exception is the handshake failure's cause. */
  private static SSLHandshakeException handshakeFailure(Exception cause) {
    SSLHandshakeException failure = new SSLHandshakeException(cause.getMessage());
    failure.initCause(cause);
    return failure;
  }

  private static UntrustedCertificateException presentedBy(String issuer, String root) {
    return new UntrustedCertificateException(
        "CN=api-acme.xdr.us.paloaltonetworks.com",
        issuer,
        root,
        new java.security.cert.CertificateException());
  }

  @Test
  void shouldNameTheIssuerOfAnUntrustedCertificateAndTheSettingThatTrustsIt() {
    PermanentException failure =
        failures.tlsFailed(handshakeFailure(presentedBy(PROXY_CA, PROXY_CA)));

    assertThat(failure.reason())
        .isEqualTo(
            "The TLS handshake with the Cortex XDR host api-acme.xdr.us.paloaltonetworks.com failed: the"
                + " certificate presented (CN=api-acme.xdr.us.paloaltonetworks.com) was issued by "
                + PROXY_CA
                + ", a CA that is not trusted");
    assertThat(failure.fix())
        .startsWith("if " + PROXY_CA + " is your company's CA")
        .contains("add its certificate (PEM) to the file SIGHTLINE_EXTRA_CA_FILE names")
        .contains("restart Sightline");
  }

  @Test
  void shouldSayTheSameWhenARunMeetsTheUntrustedCertificate() {
    PermanentException failure =
        failures.unreachable(handshakeFailure(presentedBy(PROXY_CA, PROXY_CA)), 1);

    assertThat(failure.reason()).contains("was issued by " + PROXY_CA);
    assertThat(failure.fix()).contains("SIGHTLINE_EXTRA_CA_FILE");
  }

  @Test
  void shouldAskToTrustTheCaTheChainLeadsToWhenTheServerSentAnIntermediate() {
    String intermediate = "CN=Acme Issuing CA 2,O=Acme";
    String root = "CN=Acme Root CA,O=Acme";

    PermanentException failure =
        failures.tlsFailed(handshakeFailure(presentedBy(intermediate, root)));

    assertThat(failure.reason()).contains("was issued by " + intermediate + ", under " + root);
    assertThat(failure.fix()).startsWith("if " + root + " is your company's CA");
  }

  @Test
  void shouldKeepTheHostNameAdviceForAnyOtherHandshakeFailure() {
    PermanentException failure =
        failures.tlsFailed(
            new SSLHandshakeException(
                "No subject alternative DNS name matching api-acme.xdr.us.paloaltonetworks.com found."));

    assertThat(failure.reason()).contains("No subject alternative DNS name");
    assertThat(failure.fix())
        .contains("host name is the one on the server's certificate")
        .contains("SIGHTLINE_EXTRA_CA_FILE");
  }
}
