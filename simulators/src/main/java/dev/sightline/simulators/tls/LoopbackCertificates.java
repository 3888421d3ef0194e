package dev.sightline.simulators.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and a server certificate for {@code 127.0.0.1} and {@code
 * localhost} (IP and DNS subject alternative names), generated in memory at start. Clients trust
 * the simulator by trusting only this CA ({@link #caCertificatePem()}, e.g. through {@code
 * --ca-out}), which keeps the TLS path of a connector identical to production.
 *
 * <p>EC P-256 keys keep generation to milliseconds. The JDK's own JCA providers sign; BouncyCastle
 * only builds the certificates, so no global security provider is installed. Immutable.
 */
public final class LoopbackCertificates {
  private static final char[] STORE_PASSWORD = "sightline-simulator".toCharArray();
  private static final String SIGNATURE = "SHA256withECDSA";

  private final X509Certificate caCertificate;
  private final X509Certificate serverCertificate;
  private final KeyPair serverKeys;

  private LoopbackCertificates(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
    this.caCertificate = ca;
    this.serverCertificate = server;
    this.serverKeys = serverKeys;
  }

  /**
   * Generates a fresh CA and a loopback server certificate valid from an hour ago for 10 years. The
   * CA is named {@code "<prefix> Simulator CA <8 hex digits>"}: a name of its own, so the CAs of
   * several simulators of one vendor (two tenants, say) can be trusted side by side and told apart
   * in a TLS error.
   */
  public static LoopbackCertificates generate(String commonNamePrefix) {
    SecureRandom random = new SecureRandom();
    return issue(
        commonNamePrefix + " Simulator CA " + HexFormat.of().toHexDigits(random.nextInt()), random);
  }

  /**
   * As {@link #generate} with a CA named exactly {@code caCommonName}: for tests of CAs that share
   * a name, as a CA renewed under its old name does.
   */
  public static LoopbackCertificates withCaNamed(String caCommonName) {
    return issue(caCommonName, new SecureRandom());
  }

  private static LoopbackCertificates issue(String caCommonName, SecureRandom random) {
    try {
      KeyPair caKeys = ecKeys(random);
      KeyPair serverKeys = ecKeys(random);
      // Certificates are checked against the wall clock by every TLS client, not against a
      // simulator's injected clock, so the validity window uses real time.
      Instant notBefore = Instant.now().minus(Duration.ofHours(1));
      Instant notAfter = notBefore.plus(Duration.ofDays(3650));
      X500Name caName =
          new X500NameBuilder()
              .addRDN(BCStyle.O, "Sightline")
              .addRDN(BCStyle.CN, caCommonName)
              .build();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

      X509v3CertificateBuilder ca =
          new JcaX509v3CertificateBuilder(
              caName,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              caName,
              caKeys.getPublic());
      ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      ca.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      ca.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          ext.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCert = sign(ca, caKeys);

      X500Name serverName = new X500Name("CN=localhost,O=Sightline");
      X509v3CertificateBuilder server =
          new JcaX509v3CertificateBuilder(
              caCert,
              serial(random),
              Date.from(notBefore),
              Date.from(notAfter),
              serverName,
              serverKeys.getPublic());
      server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      server.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      server.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      server.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
      server.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          ext.createSubjectKeyIdentifier(serverKeys.getPublic()));
      return new LoopbackCertificates(caCert, sign(server, caKeys), serverKeys);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(
          "cannot generate loopback certificates: " + e.getMessage(), e);
    }
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  public X509Certificate serverCertificate() {
    return serverCertificate;
  }

  public String caCertificatePem() {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(caCertificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Server side: presents the loopback certificate with the CA in its chain. */
  public SSLContext serverSslContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          serverKeys.getPrivate(),
          STORE_PASSWORD,
          new Certificate[] {serverCertificate, caCertificate});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the server TLS context: " + e.getMessage(), e);
    }
  }

  /** Client side: trusts this CA and nothing else. */
  public SSLContext clientSslContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("simulator-ca", caCertificate);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the client TLS context: " + e.getMessage(), e);
    }
  }

  private static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuer.getPrivate());
    X509CertificateHolder holder = builder.build(signer);
    return new JcaX509CertificateConverter().getCertificate(holder);
  }
}
