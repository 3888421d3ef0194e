package dev.sightline.connector.http;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A server presented a certificate chain that verifies against none of the trusted CAs. It names
 * the issuer of the certificate actually presented, which is what the user must trust (or
 * question): a TLS-inspecting proxy presents a certificate of its own CA instead of the vendor's.
 * The platform's trust manager throws it during the handshake; the JDK keeps it as the cause of the
 * {@code SSLHandshakeException}, where {@link NetworkFailures#untrustedCertificate} finds it.
 * Carries distinguished names only, never a secret.
 */
public final class UntrustedCertificateException extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String issuer;
  private final String root;

  /**
   * @param subject the presented certificate's subject
   * @param issuer who issued the presented certificate
   * @param root the issuer of the last certificate of the presented chain: the CA the chain leads
   *     to, the same as {@code issuer} when the server sent no intermediate CA
   */
  public UntrustedCertificateException(
      String subject, String issuer, String root, Throwable cause) {
    super(
        "the certificate presented ("
            + subject
            + ") was issued by "
            + issuer
            + (root.equals(issuer) ? "" : ", under " + root)
            + ", a CA that is not trusted",
        cause);
    this.subject = Objects.requireNonNull(subject, "subject");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The exception for a presented chain (server's certificate first) that nothing trusts. */
  public static UntrustedCertificateException of(List<X509Certificate> chain, Throwable cause) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a presented chain holds at least one certificate");
    }
    X509Certificate presented = chain.get(0);
    return new UntrustedCertificateException(
        presented.getSubjectX500Principal().getName(),
        presented.getIssuerX500Principal().getName(),
        chain.get(chain.size() - 1).getIssuerX500Principal().getName(),
        cause);
  }

  /** The subject of the certificate the server presented, e.g. {@code CN=api.example.com}. */
  public String subject() {
    return subject;
  }

  /** The issuer of the certificate the server presented: the CA to trust, or to question. */
  public String issuer() {
    return issuer;
  }

  /**
   * The issuer at the end of the presented chain; equals {@link #issuer()} without intermediates.
   */
  public String root() {
    return root;
  }
}
