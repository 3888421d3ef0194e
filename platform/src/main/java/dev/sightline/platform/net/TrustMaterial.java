package dev.sightline.platform.net;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS trust of every outbound call (vendors, intelligence feeds, the sign-in provider,
 * the query command): the JVM's CAs plus extra PEM CAs ({@code SIGHTLINE_EXTRA_CA_FILE}). A chain
 * is accepted when it verifies against any one of them, whatever their names, and a chain that none
 * vouches for fails naming the issuer of the certificate presented ({@link AnyAnchorTrustManager}).
 */
public final class TrustMaterial {
  private TrustMaterial() {}

  /** The JVM's CAs and each certificate of {@code extraPem}, which must hold at least one. */
  public static SSLContext jvmDefaultPlus(String extraPem) {
    try {
      List<X509Certificate> anchors = new ArrayList<>(jvmDefaultCas());
      anchors.addAll(parse(extraPem));
      return context(anchors);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build the TLS trust store: " + e.getMessage(), e);
    }
  }

  /**
   * The JVM's CAs alone, with the same trust manager as {@link #jvmDefaultPlus}, so an untrusted
   * certificate is reported the same way with or without extra CAs.
   */
  public static SSLContext jvmDefault() {
    try {
      return context(jvmDefaultCas());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build the TLS trust store: " + e.getMessage(), e);
    }
  }

  static List<X509Certificate> parse(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Collection<? extends Certificate> certs =
        factory.generateCertificates(
            new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("The extra CA file holds no PEM certificate");
    }
    List<X509Certificate> out = new ArrayList<>();
    certs.forEach(c -> out.add((X509Certificate) c));
    return out;
  }

  private static SSLContext context(List<X509Certificate> anchors) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {AnyAnchorTrustManager.of(anchors)}, null);
    return context;
  }

  private static List<X509Certificate> jvmDefaultCas() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    List<X509Certificate> out = new ArrayList<>();
    for (var tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        out.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return out;
  }
}
