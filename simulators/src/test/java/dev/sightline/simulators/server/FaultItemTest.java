package dev.sightline.simulators.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultItemTest {
  @Test
  void shouldSplitTrimAndLowerCaseTheItems() {
    List<FaultItem> items = FaultItem.split(" 5XX:2% , Slow:1%:2s", "G");

    assertThat(items).extracting(FaultItem::kind).containsExactly("5xx", "slow");
    assertThat(items.get(1).slow()).isEqualTo(new FaultItem.Slow(0.01, Duration.ofSeconds(2)));
    assertThat(FaultItem.split("  ", "G")).isEmpty();
  }

  @Test
  void shouldNameTheItemAndTheGrammarInEveryError() {
    FaultItem item = FaultItem.split("5xx:5", "THE GRAMMAR").get(0);

    assertThatThrownBy(() -> item.percent(item.value("usage")))
        .hasMessage(
            "invalid --faults item '5xx:5': '5' is not a percentage like 5% (grammar: THE GRAMMAR)");
    assertThatThrownBy(() -> FaultItem.requireNoStall("429:30%,drop:30%", 0.6))
        .hasMessageContaining("50%");
  }
}
