package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.RetryableException;
import dev.sightline.connector.testkit.VirtualTimeContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrowdStrikeRetryPolicyTest {

  private final VirtualTimeContext context =
      VirtualTimeContext.startingAt(Instant.parse("2024-06-01T00:00:00Z"));
  private final CrowdStrikeRetryPolicy policy =
      new CrowdStrikeRetryPolicy(CrowdStrikeTuning.defaults(), context, new Random(7));

  @Test
  void shouldDoubleTheBackoffWithJitterUpToTheCap() {
    IOException reset = new IOException("Connection reset");
    for (int attempt = 1; attempt <= 10; attempt++) {
      long full = Math.min(500L << (attempt - 1), 30_000);
      assertThat(policy.waitMillis(attempt, reset)).isBetween(full / 2, full);
    }
  }

  @Test
  void shouldHonourTheVendorsDelayPlusAtMostTheJitterOnARateLimit() {
    RetryableException limited = new RetryableException("429", Duration.ofSeconds(12));

    assertThat(policy.waitMillis(1, limited)).isBetween(12_000L, 12_250L);
  }

  @Test
  void shouldWaitNothingButTheMarginWhenTheRetryAfterSecondHasPassed() {
    var response =
        FakeCrowdStrike.error(
            429,
            "limited",
            "X-RateLimit-RetryAfter",
            Long.toString(context.clock().instant().getEpochSecond() - 3));

    assertThat(policy.rateLimitWait(response)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldFallBackToBackoffWhenA429CarriesNoRetryAfter() {
    var response = FakeCrowdStrike.error(429, "limited");

    assertThat(policy.rateLimitWait(response)).isZero();
  }
}
