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

/** SIGHTLINE_EXTRA_CA_FILE, when set: readable PEM certificates, none of them expired. */
final class CaFileCheck implements DoctorCheck {
  static final String SETTING = "SIGHTLINE_EXTRA_CA_FILE";
  private final Optional<String> file;
  private final Clock clock;

  CaFileCheck(Map<String, String> env, Clock clock) {
    this.file = Settings.value(env, SETTING);
    this.clock = clock;
  }

  @Override
  public List<CheckLine> run() {
    String name = "CA file";
    if (file.isEmpty()) {
      return List.of(
          CheckLine.ok(name, SETTING + " is not set: the JVM's own CAs are trusted for vendors"));
    }
    Path path = Path.of(file.get());
    List<X509Certificate> certificates;
    try {
      certificates = PemContent.of(Files.readString(path)).getCertificates();
    } catch (IOException e) {
      return List.of(
          CheckLine.failed(
              name,
              SETTING + " names " + path + ", which cannot be read",
              "fix the path or the file's permissions, or unset " + SETTING));
    } catch (RuntimeException e) {
      return List.of(
          CheckLine.failed(
              name,
              path + " holds no PEM certificate (" + DatabaseCheck.firstLine(e.getMessage()) + ")",
              "put the CA certificates in PEM (-----BEGIN CERTIFICATE-----) in that file"));
    }
    if (certificates.isEmpty()) {
      return List.of(
          CheckLine.failed(
              name,
              path + " holds no PEM certificate",
              "put the CA certificates in PEM (-----BEGIN CERTIFICATE-----) in that file"));
    }
    Date now = Date.from(clock.instant());
    for (X509Certificate c : certificates) {
      if (c.getNotAfter().before(now)) {
        return List.of(
            CheckLine.failed(
                name,
                path + ": " + c.getSubjectX500Principal().getName() + " expired " + c.getNotAfter(),
                "replace it with the CA's current certificate"));
      }
    }
    return List.of(CheckLine.ok(name, path + ": " + certificates.size() + " CA certificate(s)"));
  }
}
