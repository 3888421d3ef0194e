package dev.sightline.simulators.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackCertificatesTest {
  @Test
  void shouldSignALoopbackServerCertificateWithItsOwnCa() throws Exception {
    LoopbackCertificates certificates = LoopbackCertificates.generate("Test");
    X509Certificate server = certificates.serverCertificate();
    X509Certificate ca = certificates.caCertificate();

    server.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    List<Object> names =
        server.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList();
    List<Object> types =
        server.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(0)).toList();
    assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
    assertThat(types).containsExactlyInAnyOrder(7, 2);
    assertThat(server.getExtendedKeyUsage()).isEqualTo(List.of("1.3.6.1.5.5.7.3.1"));
    assertThat(certificates.caCertificatePem())
        .startsWith("-----BEGIN CERTIFICATE-----")
        .contains("-----END CERTIFICATE-----");
    assertThat(certificates.clientSslContext().getProtocol()).isEqualTo("TLS");
    assertThat(certificates.serverSslContext().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void shouldNameEachCaOfItsOwnSoTwoSimulatorsOfOneVendorCanBeTrustedTogether() {
    X509Certificate first = LoopbackCertificates.generate("CrowdStrike").caCertificate();
    X509Certificate second = LoopbackCertificates.generate("CrowdStrike").caCertificate();

    assertThat(first.getSubjectX500Principal().getName())
        .matches("CN=CrowdStrike Simulator CA [0-9a-f]{8},O=Sightline");
    assertThat(first.getSubjectX500Principal()).isNotEqualTo(second.getSubjectX500Principal());
  }

  @Test
  void shouldNameTheCaExactlyWhenAskedSoTestsCanRenewACaUnderItsOldName() throws Exception {
    LoopbackCertificates old = LoopbackCertificates.withCaNamed("Example Corp Root CA");
    LoopbackCertificates renewed = LoopbackCertificates.withCaNamed("Example Corp Root CA");

    assertThat(renewed.caCertificate().getSubjectX500Principal())
        .isEqualTo(old.caCertificate().getSubjectX500Principal());
    assertThat(renewed.caCertificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=Example Corp Root CA,O=Sightline");
    renewed.serverCertificate().verify(renewed.caCertificate().getPublicKey());
  }
}
