package dev.sightline.platform.net;

import dev.sightline.connector.http.UntrustedCertificateException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Accepts a certificate chain when it verifies against any one of the trusted CAs, whatever their
 * names. The CAs are split into groups in which no two share a subject name (a CA renewed under its
 * old name next to the old one, two simulators of one vendor), each group checked by the JDK's own
 * PKIX trust manager: the JDK looks trust anchors up by subject name, so keeping same-named anchors
 * apart makes "any anchor" our guarantee rather than a detail of its path building.
 *
 * <p>The delegates are {@link X509ExtendedTrustManager}s called with the socket or engine, so the
 * host-name check that java.net.http (and {@code ConnectionChecks}) ask for through the endpoint
 * identification algorithm runs exactly as with the JDK's default trust. When no group accepts, a
 * chain that some group trusts failed on something else (host name, validity dates) and that
 * failure is thrown as it came; otherwise an {@link UntrustedCertificateException} names the issuer
 * of the certificate presented. Immutable and thread-safe.
 */
final class AnyAnchorTrustManager extends X509ExtendedTrustManager {
  private final List<X509ExtendedTrustManager> groups;
  private final X509Certificate[] acceptedIssuers;

  private AnyAnchorTrustManager(
      List<X509ExtendedTrustManager> groups, X509Certificate[] acceptedIssuers) {
    this.groups = groups;
    this.acceptedIssuers = acceptedIssuers;
  }

  /** Trusts each of {@code anchors} (duplicates are ignored); with none, no chain is trusted. */
  static AnyAnchorTrustManager of(List<X509Certificate> anchors) throws GeneralSecurityException {
    Set<X509Certificate> distinct = new LinkedHashSet<>(anchors);
    List<List<X509Certificate>> parts = new ArrayList<>();
    List<Set<X500Principal>> names = new ArrayList<>();
    for (X509Certificate ca : distinct) {
      int part = 0;
      while (part < parts.size() && names.get(part).contains(ca.getSubjectX500Principal())) {
        part++;
      }
      if (part == parts.size()) {
        parts.add(new ArrayList<>());
        names.add(new HashSet<>());
      }
      parts.get(part).add(ca);
      names.get(part).add(ca.getSubjectX500Principal());
    }
    List<X509ExtendedTrustManager> groups = new ArrayList<>();
    for (List<X509Certificate> part : parts) {
      groups.add(pkix(part));
    }
    return new AnyAnchorTrustManager(List.copyOf(groups), distinct.toArray(new X509Certificate[0]));
  }

  /** How many stores the CAs were split into: one unless some share a subject name. */
  int groupCount() {
    return groups.size();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(
        chain,
        tm -> tm.checkServerTrusted(chain, authType, socket),
        tm -> tm.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(
        chain,
        tm -> tm.checkServerTrusted(chain, authType, engine),
        tm -> tm.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    Check check = tm -> tm.checkServerTrusted(chain, authType);
    verify(chain, check, check);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(
        chain,
        tm -> tm.checkClientTrusted(chain, authType, socket),
        tm -> tm.checkClientTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(
        chain,
        tm -> tm.checkClientTrusted(chain, authType, engine),
        tm -> tm.checkClientTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    Check check = tm -> tm.checkClientTrusted(chain, authType);
    verify(chain, check, check);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }

  @FunctionalInterface
  private interface Check {
    void run(X509ExtendedTrustManager group) throws CertificateException;
  }

  /**
   * Passes when {@code check} passes for some group. Otherwise finds why: {@code pathOnly} (the
   * chain against the group's CAs, without the host name) tells a trusted chain refused for another
   * reason from a chain no CA vouches for.
   */
  private void verify(X509Certificate[] chain, Check check, Check pathOnly)
      throws CertificateException {
    List<CertificateException> failures = new ArrayList<>();
    for (X509ExtendedTrustManager group : groups) {
      try {
        check.run(group);
        return;
      } catch (CertificateException e) {
        failures.add(e);
      }
    }
    if (chain == null || chain.length == 0) {
      throw failures.isEmpty()
          ? new CertificateException("no certificate presented")
          : failures.get(0);
    }
    for (CertificateException failure : failures) {
      if (outOfDate(failure)) {
        throw failure;
      }
    }
    if (pathOnly != check) {
      for (int i = 0; i < groups.size(); i++) {
        if (passes(pathOnly, groups.get(i))) {
          throw failures.get(i);
        }
      }
    }
    throw UntrustedCertificateException.of(
        List.of(chain), failures.isEmpty() ? null : failures.get(0));
  }

  private static boolean passes(Check check, X509ExtendedTrustManager group) {
    try {
      check.run(group);
      return true;
    } catch (CertificateException e) {
      return false;
    }
  }

  /** An expired or not yet valid certificate: a trusted chain may fail on that alone. */
  private static boolean outOfDate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return true;
      }
    }
    return false;
  }

  private static X509ExtendedTrustManager pkix(List<X509Certificate> cas)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty trust store", e);
    }
    int i = 0;
    for (X509Certificate ca : cas) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK's PKIX trust manager factory made no X.509 one");
  }
}
