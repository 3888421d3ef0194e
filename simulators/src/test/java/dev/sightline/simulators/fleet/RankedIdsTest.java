package dev.sightline.simulators.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankedIdsTest {
  // Unsigned order: 0x8000… sorts after 0x7fff…, as its hex string does.
  private final RankedIds ids =
      new RankedIds(new long[] {Long.MIN_VALUE, 5, 5, Long.MAX_VALUE}, new long[] {0, 9, 2, 0});

  @Test
  void shouldRankAgentsInTheStringOrderOfTheirHexIds() {
    assertThat(new int[] {ids.atRank(0), ids.atRank(1), ids.atRank(2), ids.atRank(3)})
        .containsExactly(2, 1, 3, 0);
  }

  @Test
  void shouldFindAnAgentByIdOrSayMinusOne() {
    assertThat(ids.find(5, 9)).isEqualTo(1);
    assertThat(ids.find(Long.MIN_VALUE, 0)).isZero();
    assertThat(ids.find(5, 3)).isEqualTo(-1);
  }
}
