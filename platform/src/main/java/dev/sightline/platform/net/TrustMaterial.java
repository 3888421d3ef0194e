package dev.sightline.platform.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS trust used for vendor calls: the JVM's CAs plus extra PEM CAs. */
public final class TrustMaterial {
  private TrustMaterial() {}

  public static SSLContext jvmDefaultPlus(String extraPem) {
    try {
      List<X509Certificate> extra = parse(extraPem);
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : jvmDefaultCas()) {
        store.setCertificateEntry("jvm-" + i++, c);
      }
      for (X509Certificate c : extra) {
        store.setCertificateEntry("extra-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build the TLS trust store: " + e.getMessage(), e);
    }
  }

  public static SSLContext jvmDefault() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<X509Certificate> parse(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Collection<? extends Certificate> certs =
        factory.generateCertificates(new ByteArrayInputStream(pem.getBytes()));
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("The extra CA file holds no PEM certificate");
    }
    List<X509Certificate> out = new ArrayList<>();
    certs.forEach(c -> out.add((X509Certificate) c));
    return out;
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
