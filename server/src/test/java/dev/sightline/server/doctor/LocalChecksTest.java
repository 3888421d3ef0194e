package dev.sightline.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.tls.LoopbackCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's checks that need no database: Java, files, the clock's comparison. */
class LocalChecksTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseAJavaOlderThan17WithTheFix() {
    assertThat(new JavaCheck(21, "21.0.5").run()).allMatch(CheckLine::ok);
    CheckLine old = new JavaCheck(11, "11.0.22").run().get(0);
    assertThat(old.ok()).isFalse();
    assertThat(old.fix()).contains("Java 17 or newer");
  }

  @Test
  void shouldAcceptAWritableOrCreatableDataDirectoryAndRefuseAFile() throws Exception {
    assertThat(dataDir(dir).ok()).isTrue();
    assertThat(dataDir(dir.resolve("not/yet")).detail()).contains("serve creates it");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CheckLine refused = dataDir(file);
    assertThat(refused.ok()).isFalse();
    assertThat(refused.fix()).contains("SIGHTLINE_DATA_DIR");
  }

  @Test
  void shouldParseTheCaFileAndSayWhatIsWrongWithABadOne() throws Exception {
    assertThat(ca(null).ok()).isTrue();
    Path good =
        Files.writeString(
            dir.resolve("ca.pem"), LoopbackCertificates.generate("doctor").caCertificatePem());
    assertThat(ca(good).detail()).contains("1 CA certificate(s)");
    assertThat(ca(dir.resolve("missing.pem")).ok()).isFalse();
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    CheckLine bad = ca(garbage);
    assertThat(bad.ok()).isFalse();
    assertThat(bad.detail()).contains("no PEM certificate");
  }

  @Test
  void shouldRefuseACaCertificateThatHasExpired() throws Exception {
    Path ca =
        Files.writeString(
            dir.resolve("ca.pem"), LoopbackCertificates.generate("doctor").caCertificatePem());
    Clock later = Clock.fixed(Instant.parse("2200-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    CheckLine expired =
        only(new CaFileCheck(Map.of(CaFileCheck.SETTING, ca.toString()), later).run());
    assertThat(expired.ok()).isFalse();
    assertThat(expired.detail()).contains("expired");
  }

  @Test
  void shouldParseTheTlsFilesWhenSetAndAskForBoth() throws Exception {
    assertThat(tls(null, null).ok()).isTrue();
    Path cert =
        Files.writeString(
            dir.resolve("cert.pem"), LoopbackCertificates.generate("doctor").caCertificatePem());
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Path key = Files.writeString(dir.resolve("key.pem"), pem);

    assertThat(tls(cert, key).ok()).isTrue();
    CheckLine onlyOne = tls(cert, null);
    assertThat(onlyOne.ok()).isFalse();
    assertThat(onlyOne.detail()).contains("SIGHTLINE_TLS_CERT_FILE is set without");
    CheckLine keyIsNoKey = tls(cert, cert);
    assertThat(keyIsNoKey.ok()).isFalse();
    assertThat(keyIsNoKey.detail()).contains("SIGHTLINE_TLS_KEY_FILE");
    CheckLine certIsNoCert = tls(key, key);
    assertThat(certIsNoCert.ok()).isFalse();
  }

  @Test
  void shouldFailAClockMoreThanAMinuteAwayFromTheVendors() {
    URI vendor = URI.create("https://api.example.com/oauth2/token");
    Instant theirs = Instant.parse("2026-12-07T08:00:00Z");
    assertThat(ClockCheck.compare(vendor, theirs, theirs.plusSeconds(3)).ok()).isTrue();
    CheckLine ahead = ClockCheck.compare(vendor, theirs, theirs.plusSeconds(125));
    assertThat(ahead.ok()).isFalse();
    assertThat(ahead.detail())
        .isEqualTo("this machine's clock is 125 s ahead of https://api.example.com");
    assertThat(ClockCheck.compare(vendor, theirs, theirs.minusSeconds(90)).detail())
        .contains("90 s behind");
  }

  private static CheckLine dataDir(Path p) {
    return new DataDirectoryCheck(Map.of("SIGHTLINE_DATA_DIR", p.toString())).run().get(0);
  }

  private static CheckLine ca(Path p) {
    return only(
        new CaFileCheck(
                p == null ? Map.of() : Map.of(CaFileCheck.SETTING, p.toString()), Clock.systemUTC())
            .run());
  }

  private static CheckLine tls(Path cert, Path key) {
    var env = new java.util.HashMap<String, String>();
    if (cert != null) {
      env.put(TlsFilesCheck.CERT, cert.toString());
    }
    if (key != null) {
      env.put(TlsFilesCheck.KEY, key.toString());
    }
    return only(new TlsFilesCheck(env, Clock.systemUTC()).run());
  }

  private static CheckLine only(List<CheckLine> lines) {
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }
}
