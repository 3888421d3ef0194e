package dev.sightline.simulators.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {
  @Test
  void shouldAdmitTheLimitPerSlidingMinuteAndSayWhenToRetry() {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(1));
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");

    assertThat(limiter.acquire(t0).remaining()).isEqualTo(2);
    assertThat(limiter.acquire(t0.plusSeconds(10)).remaining()).isEqualTo(1);
    assertThat(limiter.acquire(t0.plusSeconds(20)).remaining()).isZero();
    SlidingWindowLimiter.Outcome refused = limiter.acquire(t0.plusSeconds(30));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterEpochSecond()).isEqualTo(t0.plusSeconds(60).getEpochSecond());
    assertThat(limiter.acquire(t0.plusSeconds(60)).allowed()).isTrue();
  }
}
