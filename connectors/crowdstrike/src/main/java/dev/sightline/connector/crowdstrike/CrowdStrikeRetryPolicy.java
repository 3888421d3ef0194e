package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import dev.sightline.connector.http.RetryLoop;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one vendor exchange through transient failures: 429 until the vendor's {@code
 * X-RateLimit-RetryAfter} (epoch seconds) plus a margin, 5xx and dropped connections with
 * exponential backoff, both with jitter; a 2xx whose body is not whole JSON (cut off by a gateway)
 * like a 5xx. The loop itself is the SPI's {@link RetryLoop}. It also slows down before the
 * per-minute budget runs out ({@code X-RateLimit-Remaining}).
 */
final class CrowdStrikeRetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(CrowdStrikeRetryPolicy.class);

  /** gofalcon's proactive pacing: 500 ms at ≤ 5 requests left, 200 ms at ≤ 10. */
  private static final int NEARLY_EXHAUSTED = 5;

  private static final int RUNNING_LOW = 10;

  private final CrowdStrikeTuning tuning;
  private final ConnectorContext context;
  private final RandomGenerator random;
  private final RetryLoop<RawResponse> loop;
  private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

  CrowdStrikeRetryPolicy(
      CrowdStrikeTuning tuning, ConnectorContext context, RandomGenerator random) {
    this.tuning = tuning;
    this.context = context;
    this.random = random;
    this.loop =
        new RetryLoop<>(
            "crowdstrike",
            tuning.maxAttempts(),
            this::waitMillis,
            context,
            (what, wait, failure) ->
                LOG.debug("Retrying {} in {} ms after {}", what, wait, failure.getMessage()),
            RawResponse::status);
  }

  /**
   * Runs {@code exchange}, which may pick up a fresh token on each attempt, until it answers with
   * something other than 429 or 5xx (see {@link RetryLoop#execute}).
   */
  RawResponse execute(String what, RetryLoop.Attempt<RawResponse> exchange)
      throws IOException, InterruptedException {
    return loop.execute(
        what,
        this::pace,
        exchange,
        response -> {
          noteBudget(response);
          return Optional.ofNullable(transientFailure(what, response));
        });
  }

  int maxAttempts() {
    return tuning.maxAttempts();
  }

  private RetryableException transientFailure(String what, RawResponse response) {
    if (response.status() == 429) {
      return new RetryableException(
          "CrowdStrike's rate limit was reached on "
              + what
              + " (HTTP 429); trace id "
              + response.traceId(),
          rateLimitWait(response));
    }
    if (response.ok() && CrowdStrikeWire.tree(response).isEmpty()) {
      // A gateway that fails mid-stream can still end the answer properly: a 2xx whose JSON stops
      // short. The call is a read, so asking again is safe and usually gets the whole page.
      return new RetryableException(
          "CrowdStrike answered "
              + what
              + " with HTTP "
              + response.status()
              + " but a body that is not a whole JSON object ("
              + response.body().length
              + " bytes, cut off or not JSON); trace id "
              + response.traceId(),
          Duration.ZERO);
    }
    if (response.status() >= 500) {
      return new RetryableException(
          "CrowdStrike answered "
              + what
              + " with HTTP "
              + response.status()
              + "; trace id "
              + response.traceId(),
          Duration.ZERO);
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
      return r.retryAfter().toMillis()
          + RetryLoop.jitter(random, tuning.rateLimitJitter().toMillis());
    }
    return RetryLoop.backoffMillis(attempt, tuning.backoffBase(), tuning.backoffCap(), random);
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
    remaining.set(
        left.isPresent() ? (int) Math.min(Integer.MAX_VALUE, left.getAsLong()) : Integer.MAX_VALUE);
  }

  private static OptionalLong parseLong(String text) {
    try {
      return text.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
