package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.testkit.VirtualTimeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request budget on virtual time: waiting moves the clock, so every figure is exact. */
class CortexXdrRequestBudgetTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RECOVERY = Duration.ofSeconds(2);

  private final VirtualTimeContext context = VirtualTimeContext.startingAt(START);

  private CortexXdrRequestBudget budget(int perSecond) {
    return new CortexXdrRequestBudget(context, perSecond, RECOVERY);
  }

  private List<Instant> starts(CortexXdrRequestBudget budget, int requests)
      throws InterruptedException {
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      budget.acquire();
      starts.add(context.clock().instant());
    }
    return starts;
  }

  @Test
  void shouldUseTheWholeConfiguredBudgetWhenRequestsAreFast() throws InterruptedException {
    List<Instant> starts = starts(budget(8), 81);

    // 81 starts, 80 gaps of exactly 125 ms: 8 requests a second, nothing left unused.
    assertThat(Duration.between(starts.get(0), starts.get(80))).isEqualTo(Duration.ofSeconds(10));
    assertThat(starts.get(0)).isEqualTo(START);
  }

  @Test
  void shouldNotWaitWhenTheCallerIsSlowerThanTheBudget() throws InterruptedException {
    CortexXdrRequestBudget budget = budget(8);
    budget.acquire();
    context.mutableClock().advance(Duration.ofMillis(300)); // a slow answer and its processing

    budget.acquire();

    assertThat(context.sleeps()).containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void shouldNeverStartMoreThanTheConfiguredNumberInAnyOneSecond() throws InterruptedException {
    for (int perSecond = 1; perSecond <= 10; perSecond++) {
      List<Instant> starts = starts(budget(perSecond), 3 * perSecond + 1);
      for (int i = perSecond; i < starts.size(); i++) {
        assertThat(Duration.between(starts.get(i - perSecond), starts.get(i)))
            .as("%d per second, starts %d..%d", perSecond, i - perSecond, i)
            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      }
    }
  }

  /** Starts {@code requests} requests, each answered {@code latency} after it started. */
  private List<Instant> answeredAfter(CortexXdrRequestBudget budget, int requests, Duration latency)
      throws InterruptedException {
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      budget.acquire();
      starts.add(context.clock().instant());
      context.mutableClock().advance(latency);
      budget.finished();
    }
    return starts;
  }

  @Test
  void shouldStartNoRequestWithinASecondOfTheEndOfTheRequestTenBefore()
      throws InterruptedException {
    // At the full 10 a second, spacing alone would let a late-arriving request share a second
    // with ten others; each start waits for the end of the request ten before it, plus a second.
    List<Instant> starts = answeredAfter(budget(10), 21, Duration.ofMillis(50));

    for (int i = 10; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 10), starts.get(i)))
          .as("starts %d..%d", i - 10, i)
          .isGreaterThanOrEqualTo(Duration.ofMillis(1050));
    }
  }

  @Test
  void shouldNotSlowDownForLatencyTheSpacingAlreadyCovers() throws InterruptedException {
    List<Instant> starts = answeredAfter(budget(8), 21, Duration.ofMillis(100));

    // 10 starts at 125 ms take 1,250 ms, more than the 1,100 ms from start to end plus a second.
    assertThat(Duration.between(starts.get(0), starts.get(20)))
        .isEqualTo(Duration.ofMillis(20 * 125));
  }

  @Test
  void shouldHalveTheRateOnEachTooManyRequestsDownToOnePerSecond() throws InterruptedException {
    CortexXdrRequestBudget budget = budget(8);
    budget.acquire();

    budget.tooManyRequests();
    assertThat(budget.rate()).isEqualTo(4.0);
    budget.tooManyRequests();
    assertThat(budget.rate()).isEqualTo(2.0);
    budget.tooManyRequests();
    budget.tooManyRequests();
    budget.tooManyRequests();
    assertThat(budget.rate()).isEqualTo(1.0);

    Instant refused = context.clock().instant();
    List<Instant> starts = starts(budget, 2);
    assertThat(Duration.between(refused, starts.get(0))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldSpaceTheNextStartByTheNewRateFromTheRefusal() throws InterruptedException {
    CortexXdrRequestBudget budget = budget(8);
    budget.acquire();
    context.mutableClock().advance(Duration.ofMillis(40)); // the refused call's round trip

    budget.tooManyRequests();
    Instant refused = context.clock().instant();
    budget.acquire();

    assertThat(Duration.between(refused, context.clock().instant()))
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void shouldGiveOneRequestPerSecondBackPerQuietPeriodUpToTheConfiguredBudget() {
    CortexXdrRequestBudget budget = budget(8);
    budget.tooManyRequests();
    assertThat(budget.rate()).isEqualTo(4.0);

    context.mutableClock().advance(RECOVERY.minusMillis(1));
    assertThat(budget.rate()).isEqualTo(4.0);
    context.mutableClock().advance(Duration.ofMillis(1));
    assertThat(budget.rate()).isEqualTo(5.0);
    context.mutableClock().advance(RECOVERY.multipliedBy(2));
    assertThat(budget.rate()).isEqualTo(7.0);
    context.mutableClock().advance(RECOVERY.multipliedBy(10));
    assertThat(budget.rate()).isEqualTo(8.0).isEqualTo(budget.configured());
  }

  @Test
  void shouldRestartTheQuietPeriodOnEveryRefusal() {
    CortexXdrRequestBudget budget = budget(8);
    budget.tooManyRequests();
    context.mutableClock().advance(RECOVERY.minusMillis(500));
    budget.tooManyRequests();
    assertThat(budget.rate()).isEqualTo(2.0);

    context.mutableClock().advance(Duration.ofMillis(600));
    assertThat(budget.rate()).as("only 600 ms since the last refusal").isEqualTo(2.0);
    context.mutableClock().advance(RECOVERY);
    assertThat(budget.rate()).isEqualTo(3.0);
  }

  @Test
  void shouldKeepRecoveredStartsWithinTheConfiguredBudget() throws InterruptedException {
    CortexXdrRequestBudget budget = budget(10);
    budget.tooManyRequests();
    List<Instant> starts = starts(budget, 200); // long enough to recover fully

    assertThat(budget.rate()).isEqualTo(10.0);
    for (int i = 10; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 10), starts.get(i)))
          .as("starts %d..%d", i - 10, i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldRefuseABudgetBeyondTheTenantsLimit() {
    assertThatThrownBy(() -> budget(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> budget(11)).isInstanceOf(IllegalArgumentException.class);
  }
}
