package dev.sightline.server.console.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShownTest {
  @Test
  void durationsReadInTheLargestUnitsThatMatter() {
    assertThat(Shown.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Shown.duration(Duration.ofSeconds(12))).isEqualTo("12 s");
    assertThat(Shown.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
    assertThat(Shown.duration(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
  }

  @Test
  void timesAreShownInUtcAsTheApiAnswersThem() {
    assertThat(Shown.when(Instant.parse("2026-12-07T01:02:03.456Z")))
        .isEqualTo("2026-12-07 01:02:03 UTC");
  }

  @Test
  void statesReadAsTheSeedsWords() {
    assertThat(Shown.word("PROCESSED")).isEqualTo("Processed");
    assertThat(Shown.word("NOT_REQUESTED")).isEqualTo("Not requested");
  }
}
