package dev.sightline.server.console.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownTest {
  @Test
  void statesReadAsTheSeedsWords() {
    assertThat(Shown.word("PROCESSED")).isEqualTo("Processed");
    assertThat(Shown.word("NOT_REQUESTED")).isEqualTo("Not requested");
  }
}
