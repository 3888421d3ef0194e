package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CortexDeterminismIT {
  private static final Instant NOW = Instant.parse("2025-02-02T12:00:00Z");

  @Test
  void shouldServeTheSameBytesForTheSameSeed() {
    String first = snapshot(CortexXdrSimulatorOptions.defaults(40).withSeed(7));
    String second = snapshot(CortexXdrSimulatorOptions.defaults(40).withSeed(7));
    String other = snapshot(CortexXdrSimulatorOptions.defaults(40).withSeed(8));

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(other);
  }

  @Test
  void shouldShowTheSameEndpointsThroughAnyFleetWindow() {
    try (CortexXdrSimulator whole = start(CortexXdrSimulatorOptions.defaults(30));
        CortexXdrSimulator window = start(CortexXdrSimulatorOptions.defaults(10).withOffset(20))) {
      String all = new CortexClient(whole).allEndpoints(List.of()).toString();

      new CortexClient(window)
          .allEndpoints(List.of())
          .forEach(e -> assertThat(all).contains(e.toString()));
    }
  }

  private static CortexXdrSimulator start(CortexXdrSimulatorOptions options) {
    return CortexXdrSimulator.start(options.withClock(new MutableClock(NOW)));
  }

  private static String snapshot(CortexXdrSimulatorOptions options) {
    try (CortexXdrSimulator simulator = start(options)) {
      CortexClient client = new CortexClient(simulator);
      simulator.advance(10);
      return client.allEndpoints(List.of())
          + "\n"
          + client.rows(XqlTexts.FINDINGS)
          + "\n"
          + client.rows("dataset = va_cves")
          + "\n"
          + client.startOk(XqlTexts.CVES);
    }
  }
}
