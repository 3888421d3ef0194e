package dev.sightline.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sightline.connector.http.NetworkFailures;
import dev.sightline.connector.http.UntrustedCertificateException;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound TLS trust against real TLS servers on loopback, each signed by a CA generated here:
 * a chain is accepted when it verifies against any trusted CA, whatever the CAs' names; a chain
 * that none vouches for fails naming the issuer of the certificate presented; the host name is
 * still checked.
 */
class TrustMaterialIT {
  /** One name for two CAs, as a CA renewed under its old name and trusted beside the old one. */
  private static final String RENEWED_NAME = "Example Corp Root CA";

  private final List<HttpsServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void shouldReachAServerSignedByEachOfTwoTrustedCasThatShareOneSubjectName() throws Exception {
    LoopbackCertificates old = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    LoopbackCertificates renewed = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    SSLContext trust =
        TrustMaterial.jvmDefaultPlus(old.caCertificatePem() + renewed.caCertificatePem());

    assertThat(get(trust, serve(old, "127.0.0.1"))).isEqualTo("hello");
    assertThat(get(trust, serve(renewed, "127.0.0.1"))).isEqualTo("hello");
    // The bundle in the other order: neither position is privileged.
    SSLContext reversed =
        TrustMaterial.jvmDefaultPlus(renewed.caCertificatePem() + old.caCertificatePem());
    assertThat(get(reversed, serve(old, "127.0.0.1"))).isEqualTo("hello");
  }

  @Test
  void shouldKeepCasThatShareASubjectNameInStoresOfTheirOwn() throws Exception {
    LoopbackCertificates old = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    LoopbackCertificates renewed = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    LoopbackCertificates other = LoopbackCertificates.withCaNamed("Another CA");

    assertThat(
            AnyAnchorTrustManager.of(
                    List.of(old.caCertificate(), other.caCertificate(), renewed.caCertificate()))
                .groupCount())
        .isEqualTo(2);
    assertThat(
            AnyAnchorTrustManager.of(
                    List.of(old.caCertificate(), other.caCertificate(), old.caCertificate()))
                .groupCount())
        .as("the same CA twice is one CA")
        .isEqualTo(1);
  }

  @Test
  void shouldNameTheIssuerOfTheCertificatePresentedWhenNoTrustedCaVouchesForIt() throws Exception {
    // The CA of the same name that is trusted does not sign this server's certificate: the JDK
    // alone reports "signature check failed", which names nobody.
    LoopbackCertificates trusted = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    LoopbackCertificates presented = LoopbackCertificates.withCaNamed(RENEWED_NAME);
    URI server = serve(presented, "127.0.0.1");

    Throwable failure =
        catchFailure(() -> get(TrustMaterial.jvmDefaultPlus(trusted.caCertificatePem()), server));

    assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    UntrustedCertificateException untrusted =
        NetworkFailures.untrustedCertificate(failure).orElseThrow();
    assertThat(untrusted.issuer()).isEqualTo("CN=" + RENEWED_NAME + ",O=Sightline");
    String subject = presented.serverCertificate().getSubjectX500Principal().getName();
    assertThat(untrusted.subject()).isEqualTo(subject).contains("CN=localhost");
    assertThat(untrusted.getMessage())
        .isEqualTo(
            "the certificate presented ("
                + subject
                + ") was issued by CN="
                + RENEWED_NAME
                + ",O=Sightline, a CA that is not trusted");
    assertThat(NetworkFailures.isTlsFailure(failure)).isTrue();
  }

  @Test
  void shouldNameTheIssuerWithTheJvmsCasAloneToo() throws Exception {
    LoopbackCertificates certificates = LoopbackCertificates.generate("Proxy");
    URI server = serve(certificates, "127.0.0.1");

    Throwable failure = catchFailure(() -> get(TrustMaterial.jvmDefault(), server));

    assertThat(NetworkFailures.untrustedCertificate(failure).orElseThrow().issuer())
        .isEqualTo(certificates.caCertificate().getSubjectX500Principal().getName())
        .startsWith("CN=Proxy Simulator CA ");
  }

  @Test
  void shouldStillRefuseAHostNameTheCertificateDoesNotCoverOverHttpClient() throws Exception {
    // The certificate covers 127.0.0.1 and localhost, not 127.0.0.2: java.net.http asks for the
    // host-name check through the engine, and the trusted CA must not excuse it.
    LoopbackCertificates certificates = LoopbackCertificates.withCaNamed("Example Corp CA");
    URI server = serve(certificates, "127.0.0.2");

    Throwable failure =
        catchFailure(
            () -> get(TrustMaterial.jvmDefaultPlus(certificates.caCertificatePem()), server));

    assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    assertThat(NetworkFailures.untrustedCertificate(failure)).isEmpty();
    assertThat(failure).hasStackTraceContaining("127.0.0.2");
  }

  @Test
  void shouldStillRefuseAHostNameTheCertificateDoesNotCoverOverASocket() throws Exception {
    LoopbackCertificates certificates = LoopbackCertificates.withCaNamed("Example Corp CA");
    URI server = serve(certificates, "127.0.0.1");
    SSLContext trust = TrustMaterial.jvmDefaultPlus(certificates.caCertificatePem());

    assertThat(handshake(trust, server, "localhost")).startsWith("TLSv1");
    Throwable failure = catchFailure(() -> handshake(trust, server, "sightline.invalid"));

    assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    assertThat(NetworkFailures.untrustedCertificate(failure)).isEmpty();
    assertThat(failure).hasStackTraceContaining("sightline.invalid");
  }

  @Test
  void shouldRefuseAPemWithoutACertificate() {
    assertThatThrownBy(() -> TrustMaterial.jvmDefaultPlus("not a certificate"))
        .hasMessageContaining("certificate");
  }

  private URI serve(LoopbackCertificates certificates, String address) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(address, 0), 8);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverSslContext()));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    servers.add(server);
    return URI.create("https://" + address + ":" + server.getAddress().getPort() + "/");
  }

  private static String get(SSLContext trust, URI url) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trust).build();
    return client
        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A handshake as Test Connection makes it: to the server's address, checking {@code name}. */
  private static String handshake(SSLContext trust, URI server, String name) throws IOException {
    try (Socket plain = new Socket(server.getHost(), server.getPort());
        SSLSocket socket =
            (SSLSocket)
                trust.getSocketFactory().createSocket(plain, name, server.getPort(), true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }

  private static Throwable catchFailure(Call call) {
    try {
      call.run();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
