package dev.sightline.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {
  @Test
  void shouldParseEveryCrowdStrikeOption() {
    CrowdStrikeSimulatorOptions options = SimulatorMain.parse(List.of("crowdstrike", "--port", "18443", "--hosts",
        "300", "--seed", "7", "--offset", "100", "--client-id", "id1", "--client-secret", "s1", "--faults",
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
    CrowdStrikeSimulatorOptions options = SimulatorMain.parse(List.of("crowdstrike", "--port=0", "--hosts=10"));

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
    assertThatThrownBy(() -> SimulatorMain.parse(List.of("crowdstrike", "--port", "1", "--hosts", "1",
        "--client-id", "x"))).hasMessageContaining("together");
    assertThatThrownBy(() -> SimulatorMain.parse(List.of("crowdstrike", "--port", "1", "--hosts", "1",
        "--colour", "red"))).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> SimulatorMain.parse(List.of("crowdstrike", "--port", "1", "--hosts", "1",
        "--faults", "429:90%"))).hasMessageContaining("50%");
  }
}
