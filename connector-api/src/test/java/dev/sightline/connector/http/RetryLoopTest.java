package dev.sightline.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class RetryLoopTest {
  /** Records the waits instead of sleeping. */
  private final List<Duration> slept = new ArrayList<>();

  /** What the loop told the context's observer, e.g. "called test 429", "retrying test 429". */
  private final List<String> told = new ArrayList<>();

  private final ConnectorContext context =
      new ConnectorContext() {
        @Override
        public Clock clock() {
          return Clock.systemUTC();
        }

        @Override
        public SSLContext sslContext() {
          throw new UnsupportedOperationException();
        }

        @Override
        public void sleep(Duration duration) {
          slept.add(duration);
        }

        @Override
        public CallObserver calls() {
          return new CallObserver() {
            @Override
            public void called(String connectorType, int status) {
              told.add("called " + connectorType + " " + status);
            }

            @Override
            public void retrying(String connectorType, int status) {
              told.add("retrying " + connectorType + " " + status);
            }
          };
        }
      };

  /** A response is its own HTTP status here. */
  private final RetryLoop<Integer> loop =
      new RetryLoop<>(
          "test",
          3,
          (attempt, failure) -> 100L * attempt,
          context,
          (what, wait, failure) -> {},
          status -> status);

  @Test
  void shouldRetryTransientAnswersWithTheConnectorsWaitsUntilOneIsNotTransient() throws Exception {
    int[] calls = {0};

    Integer answer =
        loop.execute(
            "x",
            () -> {},
            () -> ++calls[0],
            status ->
                status < 3
                    ? Optional.of(new RetryableException("busy", Duration.ZERO))
                    : Optional.empty());

    assertThat(answer).isEqualTo(3);
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptSayingSo() {
    assertThatThrownBy(
            () ->
                loop.execute(
                    "x",
                    () -> {},
                    () -> 503,
                    status -> Optional.of(new RetryableException("answered 503", Duration.ZERO))))
        .isInstanceOf(RetryableException.class)
        .hasMessage("answered 503; gave up after 3 attempts");
    assertThat(slept).hasSize(2);
  }

  @Test
  void shouldNotRetryANetworkFailureThatNoRetryCanFix() {
    int[] calls = {0};

    assertThatThrownBy(
            () ->
                loop.execute(
                    "x",
                    () -> {},
                    () -> {
                      calls[0]++;
                      throw new UnknownHostException("nowhere.invalid");
                    },
                    status -> Optional.empty()))
        .isInstanceOf(UnknownHostException.class);
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void shouldRethrowTheLastDroppedConnectionOnceAttemptsRunOut() {
    assertThatThrownBy(
            () ->
                loop.execute(
                    "x",
                    () -> {},
                    () -> {
                      throw new IOException("Connection reset");
                    },
                    status -> Optional.empty()))
        .hasMessage("Connection reset");
    assertThat(slept).hasSize(2);
  }

  @Test
  void shouldTellTheObserverEveryAttemptWithItsStatusAndEveryRetryWithWhatCausedIt()
      throws Exception {
    int[] calls = {0};

    loop.execute(
        "x",
        () -> {},
        () -> {
          calls[0]++;
          if (calls[0] == 2) {
            throw new IOException("Connection reset");
          }
          return calls[0] == 1 ? 429 : 200;
        },
        status ->
            status == 429
                ? Optional.of(new RetryableException("rate limited", Duration.ZERO))
                : Optional.empty());

    assertThat(told)
        .containsExactly(
            "called test 429",
            "retrying test 429",
            "called test 0",
            "retrying test 0",
            "called test 200");
  }

  @Test
  void shouldCountTheLastAttemptAsACallButNotAsARetryWhenGivingUp() {
    assertThatThrownBy(
            () ->
                loop.execute(
                    "x",
                    () -> {},
                    () -> 503,
                    status -> Optional.of(new RetryableException("answered 503", Duration.ZERO))))
        .isInstanceOf(RetryableException.class);

    assertThat(told)
        .containsExactly(
            "called test 503",
            "retrying test 503",
            "called test 503",
            "retrying test 503",
            "called test 503");
  }

  @Test
  void shouldCountAPermanentNetworkFailureAsACallWithoutAnswerAndNoRetry() {
    assertThatThrownBy(
            () ->
                loop.execute(
                    "x",
                    () -> {},
                    () -> {
                      throw new UnknownHostException("nowhere.invalid");
                    },
                    status -> Optional.empty()))
        .isInstanceOf(UnknownHostException.class);

    assertThat(told).containsExactly("called test 0");
  }

  @Test
  void shouldKeepTheBackoffInTheUpperHalfOfTheDoubledCappedBase() {
    Random random = new Random(7);
    for (int attempt = 1; attempt <= 10; attempt++) {
      long full = Math.min(500L << (attempt - 1), 30_000);
      assertThat(
              RetryLoop.backoffMillis(
                  attempt, Duration.ofMillis(500), Duration.ofSeconds(30), random))
          .isBetween(full / 2, full);
    }
  }
}
