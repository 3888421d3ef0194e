package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.PermanentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CortexXdrCursorTest {

  @Test
  void shouldSurviveARoundTripThroughTheCheckpoint() {
    CortexXdrCursor cursor =
        CortexXdrCursor.full(0).after("0a1b", 1, 1_000).after("0c2d", 2, 900).at(5);

    Checkpoint checkpoint = cursor.toCheckpoint("endpoints", false);

    assertThat(checkpoint.version()).isEqualTo(1);
    assertThat(checkpoint.complete()).isFalse();
    assertThat(CortexXdrCursor.fromCheckpoint("endpoints", checkpoint)).isEqualTo(cursor);
    assertThat(cursor.lastId()).isEqualTo("0c2d");
    assertThat(cursor.maxLastSeen()).isEqualTo(1_000);
  }

  @Test
  void shouldRefuseACheckpointOfAnotherVersion() {
    Checkpoint future =
        new Checkpoint(
            "endpoints",
            2,
            CortexXdrCursor.full(0).toCheckpoint("endpoints", false).state(),
            false);

    assertThatThrownBy(() -> CortexXdrCursor.fromCheckpoint("endpoints", future))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("run a full sync");
  }

  @Test
  void shouldRefuseACheckpointOfAnotherStream() {
    Checkpoint endpoints = CortexXdrCursor.full(0).toCheckpoint("endpoints", false);

    assertThatThrownBy(() -> CortexXdrCursor.fromCheckpoint("vulnerabilities", endpoints))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("belongs to stream 'endpoints'");
  }

  @Test
  void shouldRefuseADamagedState() {
    Checkpoint damaged =
        new Checkpoint("endpoints", 1, "{\"mode\":\"FULL\",\"lastId\":\"x\"}", false);

    assertThatThrownBy(() -> CortexXdrCursor.fromCheckpoint("endpoints", damaged))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void shouldCoverOnlyIdsUpToTheLastEmitted() {
    CortexXdrCursor cursor = CortexXdrCursor.full(0).after("0c", 1, 0);

    assertThat(CortexXdrCursor.full(0).covers("00")).isFalse();
    assertThat(cursor.covers("0b")).isTrue();
    assertThat(cursor.covers("0c")).isTrue();
    assertThat(cursor.covers("0d")).isFalse();
  }

  @Test
  void shouldStartADeltaJustAfterTheNewestLastSeenLessTheOverlap() {
    CortexXdrCursor done = CortexXdrCursor.full(0).after("ff", 9, 10_000);

    assertThat(done.nextDelta(Duration.ZERO))
        .isEqualTo(new CortexXdrCursor(CortexXdrCursor.Mode.DELTA, 10_001, "", 0, 10_000));
    assertThat(done.nextDelta(Duration.ofSeconds(2)).lastSeenFrom()).isEqualTo(8_001);
  }
}
