package dev.sightline.simulators.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultStreaksTest {
  private final FaultStreaks streaks = new FaultStreaks();

  @Test
  void shouldRefuseAThirdFaultInARowForOneRequestOnly() {
    streaks.record("a", true);
    streaks.record("a", true);

    assertThat(streaks.mayFault("a")).isFalse();
    assertThat(streaks.mayFault("b")).isTrue();
  }

  @Test
  void shouldStartOverOnceTheRequestGotThrough() {
    streaks.record("a", true);
    streaks.record("a", true);
    streaks.record("a", false);

    assertThat(streaks.mayFault("a")).isTrue();
  }
}
