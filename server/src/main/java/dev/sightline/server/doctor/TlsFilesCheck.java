package dev.sightline.server.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * SIGHTLINE_TLS_CERT_FILE and SIGHTLINE_TLS_KEY_FILE, when set: both given, both PEM that parse,
 * the certificate not expired.
 */
final class TlsFilesCheck implements DoctorCheck {
  static final String CERT = "SIGHTLINE_TLS_CERT_FILE";
  static final String KEY = "SIGHTLINE_TLS_KEY_FILE";
  private final Optional<String> cert;
  private final Optional<String> key;

  private final Clock clock;

  TlsFilesCheck(Map<String, String> env, Clock clock) {
    this.cert = Settings.value(env, CERT);
    this.key = Settings.value(env, KEY);
    this.clock = clock;
  }

  @Override
  public List<CheckLine> run() {
    String name = "TLS files";
    if (cert.isEmpty() && key.isEmpty()) {
      return List.of(
          CheckLine.ok(name, "not set: the server speaks plain HTTP (or a proxy terminates TLS)"));
    }
    if (cert.isEmpty() || key.isEmpty()) {
      return List.of(
          CheckLine.failed(
              name,
              (cert.isEmpty() ? KEY : CERT) + " is set without " + (cert.isEmpty() ? CERT : KEY),
              "set both (certificate chain and private key, PEM), or neither"));
    }
    List<X509Certificate> chain;
    try {
      chain = PemContent.of(Files.readString(Path.of(cert.get()))).getCertificates();
    } catch (IOException | RuntimeException e) {
      return List.of(
          CheckLine.failed(
              name,
              CERT + " (" + cert.get() + ") is not a readable PEM certificate",
              "point it at the certificate chain in PEM, readable by the user that runs Sightline"));
    }
    try {
      if (PemContent.of(Files.readString(Path.of(key.get()))).getPrivateKey() == null) {
        throw new IllegalStateException("no key");
      }
    } catch (IOException | RuntimeException e) {
      return List.of(
          CheckLine.failed(
              name,
              KEY + " (" + key.get() + ") is not a readable, unencrypted PEM private key",
              "point it at the certificate's private key in PEM, readable by that user only"));
    }
    if (chain.isEmpty()) {
      return List.of(
          CheckLine.failed(
              name,
              cert.get() + " holds no certificate",
              "point " + CERT + " at the certificate chain in PEM"));
    }
    X509Certificate leaf = chain.get(0);
    if (leaf.getNotAfter().before(Date.from(clock.instant()))) {
      return List.of(
          CheckLine.failed(
              name,
              "the certificate "
                  + leaf.getSubjectX500Principal().getName()
                  + " expired "
                  + leaf.getNotAfter(),
              "renew it"));
    }
    return List.of(
        CheckLine.ok(
            name,
            leaf.getSubjectX500Principal().getName() + ", valid until " + leaf.getNotAfter()));
  }
}
