package dev.sightline.server.signin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.server.boot.AccessSettings;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A sign-in provider whose certificate no trusted CA vouches for, as the server reports it. */
class SingleSignOnTrustTest {

  @Test
  void shouldNameTheIssuerOfAnUntrustedProviderCertificate() throws Exception {
    LoopbackCertificates certificates = LoopbackCertificates.generate("Identity provider");
    HttpsServer provider = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    provider.setHttpsConfigurator(new HttpsConfigurator(certificates.serverSslContext()));
    provider.start();
    try {
      String issuer = "https://127.0.0.1:" + provider.getAddress().getPort() + "/realm";
      // Nothing but the discovery document is read before the failure: no users, sessions or
      // audit are needed.
      SingleSignOn sso =
          new SingleSignOn(
              new AccessSettings.Oidc(issuer, "client", "secret", "roles"),
              TrustMaterial.jvmDefault(),
              null,
              null,
              null,
              null);

      assertThatThrownBy(() -> sso.registrations().findByRegistrationId("oidc"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "was issued by "
                  + certificates.caCertificate().getSubjectX500Principal().getName()
                  + ", a CA that is not trusted")
          .hasMessageContaining("SIGHTLINE_EXTRA_CA_FILE");
    } finally {
      provider.stop(0);
    }
  }
}
