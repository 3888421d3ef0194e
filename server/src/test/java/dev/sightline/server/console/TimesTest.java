package dev.sightline.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void durationsReadInTheLargestUnitsThatMatter() {
    assertThat(Times.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Times.duration(Duration.ofSeconds(12))).isEqualTo("12 s");
    assertThat(Times.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
    assertThat(Times.duration(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
  }

  @Test
  void timesAreShownInUtcAsTheApiAnswersThem() {
    assertThat(Times.second(Instant.parse("2026-12-07T01:02:03.456Z")))
        .isEqualTo("2026-12-07 01:02:03 UTC");
    assertThat(Times.minute(Instant.parse("2026-12-07T01:02:03.456Z")))
        .isEqualTo("2026-12-07 01:02 UTC");
  }
}
