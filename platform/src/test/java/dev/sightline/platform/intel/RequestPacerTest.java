package dev.sightline.platform.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NVD's rate limits kept by spacing requests, on a clock the sleeps move. */
class RequestPacerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        clock.advance(d);
      };

  @Test
  void shouldKeepFiveRequestsInAnyThirtySecondsWithoutAKey() throws InterruptedException {
    RequestPacer pacer = RequestPacer.forNvd(false, clock, sleeper);
    List<Instant> sent = new ArrayList<>();

    for (int i = 0; i < 11; i++) {
      pacer.awaitTurn();
      sent.add(clock.instant());
    }

    assertThat(sleeps).hasSize(10).containsOnly(Duration.ofSeconds(6));
    for (int i = 5; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 5), sent.get(i)))
          .as("the 6th request comes 30 s after the 1st")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldAllowFiftyInThirtySecondsWithAKey() throws InterruptedException {
    RequestPacer pacer = RequestPacer.forNvd(true, clock, sleeper);

    pacer.awaitTurn();
    pacer.awaitTurn();

    assertThat(sleeps).containsExactly(Duration.ofMillis(600));
  }

  @Test
  void shouldWaitOnlyForWhatIsLeftOfTheInterval() throws InterruptedException {
    RequestPacer pacer = RequestPacer.forNvd(false, clock, sleeper);
    pacer.awaitTurn();
    clock.advance(Duration.ofSeconds(4));

    pacer.awaitTurn();
    clock.advance(Duration.ofSeconds(10));
    pacer.awaitTurn();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
  }
}
