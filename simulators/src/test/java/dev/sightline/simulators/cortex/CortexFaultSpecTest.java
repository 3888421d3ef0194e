package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CortexFaultSpecTest {
  @Test
  void shouldParseTheDocumentedExample() {
    CortexFaultSpec spec = CortexFaultSpec.parse("429:5%,5xx:2%,drop:1%,slow:1%:2s,parallel:10%");

    assertThat(spec.tooManyRate()).isEqualTo(0.05);
    assertThat(spec.serverErrorRate()).isEqualTo(0.02);
    assertThat(spec.dropRate()).isEqualTo(0.01);
    assertThat(spec.slowRate()).isEqualTo(0.01);
    assertThat(spec.slowDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.parallelRate()).isEqualTo(0.10);
    assertThat(CortexFaultSpec.parse(" too-many:0.5% ").tooManyRate()).isEqualTo(0.005);
    assertThat(CortexFaultSpec.parse("")).isEqualTo(CortexFaultSpec.NONE);
    assertThat(CortexFaultSpec.parse("blank-cve:5%").blankCveRate()).isEqualTo(0.05);
  }

  @Test
  void shouldParseCutTruncatedAndStormFaults() {
    CortexFaultSpec spec = CortexFaultSpec.parse("cut:3%, truncate:2%, 429-storm:4/50");

    assertThat(spec.cutRate()).isEqualTo(0.03);
    assertThat(spec.truncateRate()).isEqualTo(0.02);
    assertThat(spec.stormLength()).isEqualTo(4);
    assertThat(spec.stormEvery()).isEqualTo(50);
    assertThat(spec.randomFailures()).isTrue();
    assertThat(CortexFaultSpec.parse("429-storm:4/50").randomFailures()).isFalse();
  }

  @Test
  void shouldRefuseStormsThatDoNotParseOrNeverEnd() {
    assertThatThrownBy(() -> CortexFaultSpec.parse("429-storm:4"))
        .hasMessageContaining("429-storm:3/40");
    assertThatThrownBy(() -> CortexFaultSpec.parse("429-storm:10/10"))
        .hasMessageContaining("shorter than the calls between storms");
    assertThatThrownBy(() -> CortexFaultSpec.parse("cut:30%,truncate:30%"))
        .hasMessageContaining("50%");
  }

  @Test
  void shouldRefuseSpecsThatCouldStallARunOrDoNotParse() {
    assertThatThrownBy(() -> CortexFaultSpec.parse("429:30%,drop:30%")).hasMessageContaining("50%");
    assertThatThrownBy(() -> CortexFaultSpec.parse("parallel:60%")).hasMessageContaining("50%");
    assertThatThrownBy(() -> CortexFaultSpec.parse("slow:1%:2h"))
        .hasMessageContaining("at most 1m");
    assertThatThrownBy(() -> CortexFaultSpec.parse("token-expiry:60s"))
        .hasMessageContaining("unknown fault")
        .hasMessageContaining("parallel:P%");
    assertThatThrownBy(() -> CortexFaultSpec.parse("5xx:5")).hasMessageContaining("percentage");
    assertThatThrownBy(() -> CortexFaultSpec.parse("slow:1%")).hasMessageContaining("delay");
    assertThatThrownBy(() -> CortexXdrSimulatorOptions.defaults(1).withFaultSpec("drop:x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
