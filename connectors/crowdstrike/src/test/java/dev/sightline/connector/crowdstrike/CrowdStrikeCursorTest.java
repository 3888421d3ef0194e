package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.crowdstrike.CrowdStrikeCursor.Mode;
import dev.sightline.connector.crowdstrike.CrowdStrikeCursor.Position;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrowdStrikeCursorTest {

  private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void shouldSurviveARoundTripThroughTheCheckpoint() {
    CrowdStrikeCursor cursor =
        CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH)
            .after(new Position(T1, "a_1"))
            .after(new Position(T2, "b_2"));

    Checkpoint checkpoint = cursor.toCheckpoint("vulnerabilities", false);

    assertThat(checkpoint.version()).isEqualTo(1);
    assertThat(checkpoint.state()).doesNotContain("after");
    assertThat(CrowdStrikeCursor.fromCheckpoint("vulnerabilities", checkpoint)).isEqualTo(cursor);
  }

  @Test
  void shouldRefuseACheckpointOfAnotherVersion() {
    Checkpoint future =
        new Checkpoint(
            "hosts", 2, CrowdStrikeCursor.full(T1).toCheckpoint("hosts", false).state(), false);

    assertThatThrownBy(() -> CrowdStrikeCursor.fromCheckpoint("hosts", future))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("run a full sync");
  }

  @Test
  void shouldRefuseACheckpointOfAnotherStream() {
    Checkpoint hosts = CrowdStrikeCursor.full(T1).toCheckpoint("hosts", false);

    assertThatThrownBy(() -> CrowdStrikeCursor.fromCheckpoint("vulnerabilities", hosts))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("belongs to stream 'hosts'");
  }

  @Test
  void shouldRefuseADamagedState() {
    Checkpoint damaged = new Checkpoint("hosts", 1, "{\"mode\":\"FULL\"}", false);

    assertThatThrownBy(() -> CrowdStrikeCursor.fromCheckpoint("hosts", damaged))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void shouldTrackTheLastRecordAndTheNewestTimestamp() {
    CrowdStrikeCursor cursor =
        CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH).after(new Position(T2, "b"));

    assertThat(cursor.position()).isEqualTo(new Position(T2, "b"));
    assertThat(cursor.maxTimestamp()).isEqualTo(T2);
    assertThat(cursor.covers(new Position(T2, "a"))).isTrue();
    assertThat(cursor.covers(new Position(T2, "b"))).isTrue();
    assertThat(cursor.covers(new Position(T2, "c"))).isFalse();
    assertThat(cursor.resumeFrom()).isEqualTo(T2);
  }

  @Test
  void shouldStartADeltaTheOverlapBeforeTheWatermark() {
    CrowdStrikeCursor finished =
        CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH).after(new Position(T2, "b"));

    CrowdStrikeCursor delta = finished.nextDelta(Duration.ofMinutes(2), CrowdStrikeCursor.EPOCH);

    assertThat(delta.mode()).isEqualTo(Mode.DELTA);
    assertThat(delta.windowFrom()).isEqualTo(T2.minus(Duration.ofMinutes(2)));
    assertThat(delta.covers(new Position(T2.minusSeconds(60), "a"))).isFalse();
    assertThat(delta.maxTimestamp()).isEqualTo(T2);
  }

  @Test
  void shouldStartADeltaWithoutOverlapStrictlyAfterTheLastRecord() {
    CrowdStrikeCursor finished =
        CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH).after(new Position(T2, "b"));

    CrowdStrikeCursor delta = finished.nextDelta(Duration.ZERO, CrowdStrikeCursor.EPOCH);

    assertThat(delta.windowFrom()).isEqualTo(T2);
    assertThat(delta.covers(new Position(T2, "b"))).isTrue();
    assertThat(delta.covers(new Position(T2, "c"))).isFalse();
  }

  @Test
  void shouldNotStartADeltaBeforeTheFetchFromDate() {
    CrowdStrikeCursor finished = CrowdStrikeCursor.full(T1).after(new Position(T1, "a"));

    CrowdStrikeCursor delta = finished.nextDelta(Duration.ofMinutes(2), T2);

    assertThat(delta.windowFrom()).isEqualTo(T2);
  }

  @Test
  void shouldParseTimestampsOfEitherPrecision() {
    assertThat(CrowdStrikeCursor.parseInstant("2019-12-02T15:57:02.852608239Z"))
        .contains(Instant.parse("2019-12-02T15:57:02.852608239Z"));
    assertThat(CrowdStrikeCursor.parseInstant("2023-09-26T16:04:24+00:00"))
        .contains(Instant.parse("2023-09-26T16:04:24Z"));
    assertThat(CrowdStrikeCursor.parseInstant("yesterday")).isEmpty();
  }
}
