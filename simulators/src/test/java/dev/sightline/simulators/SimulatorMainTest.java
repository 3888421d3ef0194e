package dev.sightline.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {
  @Test
  void shouldParseEveryCrowdStrikeOption() {
    CrowdStrikeSimulatorOptions options =
        SimulatorMain.parse(
            List.of(
                "crowdstrike",
                "--port",
                "18443",
                "--hosts",
                "300",
                "--seed",
                "7",
                "--offset",
                "100",
                "--client-id",
                "id1",
                "--client-secret",
                "s1",
                "--faults",
                "429:5%,slow:1%:2s"));

    assertThat(options.port()).isEqualTo(18443);
    assertThat(options.hosts()).isEqualTo(300);
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.offset()).isEqualTo(100);
    assertThat(options.clientId()).isEqualTo("id1");
    assertThat(options.clientSecret()).isEqualTo("s1");
    assertThat(options.faultSpec()).isEqualTo("429:5%,slow:1%:2s");
  }

  @Test
  void shouldDefaultCredentialsSeedAndOffset() {
    CrowdStrikeSimulatorOptions options =
        SimulatorMain.parse(List.of("crowdstrike", "--port=0", "--hosts=10"));

    assertThat(options.clientId()).isEqualTo("sim-client");
    assertThat(options.clientSecret()).isEqualTo("sim-secret");
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.offset()).isZero();
    assertThat(options.toString()).doesNotContain("sim-secret");
  }

  @Test
  void shouldRefuseIncompleteOrUnknownArguments() {
    assertThatThrownBy(() -> SimulatorMain.parse(List.of("cortex", "--port", "1", "--hosts", "1")))
        .hasMessageContaining("unknown vendor");
    assertThatThrownBy(() -> SimulatorMain.parse(List.of("crowdstrike", "--hosts", "1")))
        .hasMessageContaining("--port");
    assertThatThrownBy(
            () ->
                SimulatorMain.parse(
                    List.of("crowdstrike", "--port", "1", "--hosts", "1", "--client-id", "x")))
        .hasMessageContaining("together");
    assertThatThrownBy(
            () ->
                SimulatorMain.parse(
                    List.of("crowdstrike", "--port", "1", "--hosts", "1", "--colour", "red")))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(
            () ->
                SimulatorMain.parse(
                    List.of("crowdstrike", "--port", "1", "--hosts", "1", "--faults", "429:90%")))
        .hasMessageContaining("50%");
  }

  @Test
  void shouldParseEveryCortexOption() {
    CortexXdrSimulatorOptions options =
        SimulatorMain.parseCortex(
            List.of(
                "cortex-xdr",
                "--port",
                "18444",
                "--hosts",
                "300",
                "--seed",
                "7",
                "--offset",
                "150",
                "--key-id",
                "12",
                "--key",
                "k".repeat(64),
                "--security",
                "ADVANCED",
                "--role",
                "Instance Administrator",
                "--faults",
                "parallel:5%"));

    assertThat(options.port()).isEqualTo(18444);
    assertThat(options.hosts()).isEqualTo(300);
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.offset()).isEqualTo(150);
    assertThat(options.keyId()).isEqualTo("12");
    assertThat(options.key()).isEqualTo("k".repeat(64));
    assertThat(options.security()).isEqualTo(CortexXdrSimulatorOptions.SecurityLevel.ADVANCED);
    assertThat(options.role()).isEqualTo("Instance Administrator");
    assertThat(options.faultSpec()).isEqualTo("parallel:5%");
    assertThat(options.toString()).doesNotContain("k".repeat(64));
  }

  @Test
  void shouldDefaultTheCortexKeyAndRefuseHalfAKey() {
    CortexXdrSimulatorOptions options =
        SimulatorMain.parseCortex(List.of("cortex-xdr", "--port=0", "--hosts=5"));

    assertThat(options.keyId()).isEqualTo("7");
    assertThat(options.key()).hasSizeGreaterThanOrEqualTo(64);
    assertThat(options.security()).isEqualTo(CortexXdrSimulatorOptions.SecurityLevel.STANDARD);
    assertThat(options.role()).isEqualTo("Viewer");
    assertThatThrownBy(
            () ->
                SimulatorMain.parseCortex(
                    List.of("cortex-xdr", "--port", "1", "--hosts", "1", "--key", "x")))
        .hasMessageContaining("together");
    assertThatThrownBy(
            () ->
                SimulatorMain.parseCortex(
                    List.of("cortex-xdr", "--port", "1", "--hosts", "1", "--security", "medium")))
        .hasMessageContaining("standard or advanced");
    assertThatThrownBy(
            () ->
                SimulatorMain.parseCortex(
                    List.of("cortex-xdr", "--port", "1", "--hosts", "1", "--client-id", "x")))
        .hasMessageContaining("unknown option");
  }

  @Test
  void shouldPrintTheCortexUrlKeyIdAndKeyAndWriteTheCa(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path ca = dir.resolve("ca.pem");
    try (CortexXdrSimulator simulator =
        SimulatorMain.startCortexFromArguments(
            List.of("cortex-xdr", "--port", "0", "--hosts", "3", "--ca-out", ca.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))) {
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

      assertThat(lines)
          .containsExactly(
              simulator.baseUrl().toString(), "7", CortexXdrSimulatorOptions.DEFAULT_KEY);
      assertThat(Files.readString(ca))
          .isEqualTo(
              "# Sightline simulator CA, "
                  + simulator.baseUrl()
                  + "\n"
                  + simulator.caCertificatePem().strip()
                  + "\n");
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("endpoints")
          .doesNotContain(CortexXdrSimulatorOptions.DEFAULT_KEY);
    }
  }
}
