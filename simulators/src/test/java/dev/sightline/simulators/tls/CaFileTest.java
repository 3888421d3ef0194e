package dev.sightline.simulators.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaFileTest {
  private static final URI FIRST = URI.create("https://127.0.0.1:18441");
  private static final URI SECOND = URI.create("https://127.0.0.1:18442");

  private static List<Certificate> read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      return List.copyOf(certs);
    }
  }

  @Test
  void shouldKeepTheCaOfEverySimulatorThatWroteToOneFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crowdstrike-ca.pem");
    LoopbackCertificates first = LoopbackCertificates.generate("CrowdStrike");
    LoopbackCertificates second = LoopbackCertificates.generate("CrowdStrike");

    CaFile.add(file, FIRST, first.caCertificatePem());
    assertThat(read(file)).containsExactly(first.caCertificate());
    CaFile.add(file, SECOND, second.caCertificatePem());

    assertThat(read(file)).containsExactly(first.caCertificate(), second.caCertificate());
    assertThat(Files.readString(file)).contains("# Sightline simulator CA, " + SECOND);
  }

  @Test
  void shouldReplaceOnlyTheCaOfASimulatorGoneFromTheSamePort(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ca.pem");
    LoopbackCertificates gone = LoopbackCertificates.generate("CrowdStrike");
    LoopbackCertificates other = LoopbackCertificates.generate("Cortex XDR");
    LoopbackCertificates restarted = LoopbackCertificates.generate("CrowdStrike");
    Files.writeString(file, "# our company CA\n" + other.caCertificatePem());

    CaFile.add(file, FIRST, gone.caCertificatePem());
    CaFile.add(file, FIRST, restarted.caCertificatePem());

    assertThat(read(file)).containsExactly(other.caCertificate(), restarted.caCertificate());
    assertThat(Files.readString(file)).startsWith("# our company CA\n");
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers).containsExactly(file);
    }
  }
}
