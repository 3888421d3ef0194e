package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import dev.sightline.connector.http.NetworkFailures;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one vendor exchange through transient failures: 429 until the vendor's
 * {@code X-RateLimit-RetryAfter} (epoch seconds) plus a margin, 5xx and dropped connections with
 * exponential backoff, both with jitter. Resilience4j counts attempts and computes intervals; the
 * waiting itself goes through {@link ConnectorContext#sleep} so a cancelled run stops at once.
 * It also slows down before the per-minute budget runs out ({@code X-RateLimit-Remaining}).
 */
final class CrowdStrikeRetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(CrowdStrikeRetryPolicy.class);

  /** gofalcon's proactive pacing: 500 ms at ≤ 5 requests left, 200 ms at ≤ 10. */
  private static final int NEARLY_EXHAUSTED = 5;
  private static final int RUNNING_LOW = 10;

  private final CrowdStrikeTuning tuning;
  private final ConnectorContext context;
  private final RandomGenerator random;
  private final Retry retry;
  private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

  CrowdStrikeRetryPolicy(CrowdStrikeTuning tuning, ConnectorContext context, RandomGenerator random) {
    this.tuning = tuning;
    this.context = context;
    this.random = random;
    this.retry = Retry.of("crowdstrike", RetryConfig.custom()
        .maxAttempts(tuning.maxAttempts())
        .retryOnException(t -> t instanceof RetryableException || t instanceof IOException)
        .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> waitMillis(attempt, outcome.getLeft()))
        .build());
  }

  /** One attempt of an exchange; called again for each retry, so it may pick up a fresh token. */
  @FunctionalInterface
  interface Exchange {
    RawResponse send() throws IOException, InterruptedException;
  }

  /**
   * Runs {@code exchange} until it answers with something other than 429 or 5xx. Throws the last
   * {@link RetryableException} or {@link IOException} once attempts run out, and a permanent
   * network failure ({@link NetworkFailures#isPermanent}) at once.
   */
  RawResponse execute(String what, Exchange exchange) throws IOException, InterruptedException {
    Retry.AsyncContext<Object> attempts = retry.asyncContext();
    while (true) {
      pace();
      Exception failure;
      try {
        RawResponse response = exchange.send();
        noteBudget(response);
        RetryableException transientFailure = transientFailure(what, response);
        if (transientFailure == null) {
          attempts.onComplete();
          return response;
        }
        failure = transientFailure;
      } catch (IOException e) {
        if (NetworkFailures.isPermanent(e)) {
          throw e;
        }
        failure = e;
      }
      long wait = attempts.onError(failure);
      if (wait < 0) {
        throw giveUp(failure);
      }
      LOG.debug("Retrying {} in {} ms after {}", what, wait, failure.getMessage());
      context.sleep(Duration.ofMillis(wait));
    }
  }

  int maxAttempts() {
    return tuning.maxAttempts();
  }

  private RetryableException transientFailure(String what, RawResponse response) {
    if (response.status() == 429) {
      return new RetryableException("CrowdStrike's rate limit was reached on " + what
          + " (HTTP 429); trace id " + response.traceId(), rateLimitWait(response));
    }
    if (response.status() >= 500) {
      return new RetryableException("CrowdStrike answered " + what + " with HTTP " + response.status()
          + "; trace id " + response.traceId(), Duration.ZERO);
    }
    return null;
  }

  /** Until the vendor's RetryAfter instant plus the margin; zero when the header is missing. */
  Duration rateLimitWait(RawResponse response) {
    OptionalLong epochSeconds = parseLong(response.header("X-RateLimit-RetryAfter").orElse(""));
    if (epochSeconds.isEmpty()) {
      return Duration.ZERO;
    }
    Instant now = context.clock().instant();
    Duration untilReset = Duration.between(now, Instant.ofEpochSecond(epochSeconds.getAsLong()));
    return (untilReset.isNegative() ? Duration.ZERO : untilReset).plus(tuning.rateLimitMargin());
  }

  long waitMillis(int attempt, Throwable failure) {
    if (failure instanceof RetryableException r && r.retryAfter().compareTo(Duration.ZERO) > 0) {
      return r.retryAfter().toMillis() + jitter(tuning.rateLimitJitter().toMillis());
    }
    long base = Math.max(1, tuning.backoffBase().toMillis());
    long doubled = base << Math.min(attempt - 1, 20);
    long capped = Math.min(doubled, tuning.backoffCap().toMillis());
    return capped / 2 + jitter(capped - capped / 2);
  }

  private long jitter(long bound) {
    return bound <= 0 ? 0 : random.nextLong(bound + 1);
  }

  private void pace() throws InterruptedException {
    int left = remaining.get();
    if (left <= NEARLY_EXHAUSTED) {
      context.sleep(Duration.ofMillis(500));
    } else if (left <= RUNNING_LOW) {
      context.sleep(Duration.ofMillis(200));
    }
  }

  private void noteBudget(RawResponse response) {
    OptionalLong left = parseLong(response.header("X-RateLimit-Remaining").orElse(""));
    remaining.set(left.isPresent() ? (int) Math.min(Integer.MAX_VALUE, left.getAsLong()) : Integer.MAX_VALUE);
  }

  private RuntimeException giveUp(Exception failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    RetryableException last = (RetryableException) failure;
    return new RetryableException(last.getMessage() + "; gave up after " + tuning.maxAttempts() + " attempts",
        last.retryAfter(), last);
  }

  private static OptionalLong parseLong(String text) {
    try {
      return text.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
