package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.http.RetryLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one vendor exchange through transient failures, each attempt paced by the {@link
 * CortexXdrRequestBudget}: "Too many requests." (HTTP 429, or the text on another status) halves
 * the budget's rate and is retried from one second up, refusals for too many parallel XQL queries
 * from {@link CortexXdrTuning#parallelQueryWait()} up, both doubled per attempt with jitter; 5xx
 * and dropped connections with exponential backoff and jitter. Cortex sends no Retry-After. The
 * loop itself is the SPI's {@link RetryLoop}.
 */
final class CortexXdrRetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(CortexXdrRetryPolicy.class);

  private final CortexXdrTuning tuning;
  private final CortexXdrRequestBudget budget;
  private final CortexXdrFailures failures;
  private final RandomGenerator random;
  private final RetryLoop<RawResponse> loop;

  CortexXdrRetryPolicy(
      CortexXdrTuning tuning,
      ConnectorContext context,
      CortexXdrRequestBudget budget,
      CortexXdrFailures failures,
      RandomGenerator random) {
    this.tuning = tuning;
    this.budget = budget;
    this.failures = failures;
    this.random = random;
    this.loop =
        new RetryLoop<>(
            "cortex-xdr",
            tuning.maxAttempts(),
            this::waitMillis,
            context,
            (what, wait, failure) ->
                LOG.debug("Retrying {} in {} ms after {}", what, wait, failure.getMessage()),
            RawResponse::status);
  }

  /**
   * Runs {@code exchange}, which signs the request anew on each attempt, until it answers with
   * something that is not transient (see {@link RetryLoop#execute}).
   */
  RawResponse execute(String what, RetryLoop.Attempt<RawResponse> exchange)
      throws IOException, InterruptedException {
    RetryLoop.Attempt<RawResponse> counted =
        () -> {
          try {
            return exchange.send();
          } finally {
            budget.finished();
          }
        };
    return loop.execute(
        what, budget::acquire, counted, response -> transientFailure(what, response));
  }

  int maxAttempts() {
    return tuning.maxAttempts();
  }

  /** A rate limit, a parallel-query refusal or a 5xx; empty for every other answer. */
  Optional<RetryableException> transientFailure(String what, RawResponse response) {
    if (response.ok()) {
      return Optional.empty();
    }
    String text = CortexXdrWire.errorMessage(response);
    String lower = text.toLowerCase(Locale.ROOT);
    if (quotaExceeded(response)) {
      return Optional.empty(); // waiting minutes will not help: the quota resets daily
    }
    if (response.status() == 429 || lower.contains("too many requests")) {
      budget.tooManyRequests();
      return Optional.of(
          new RetryableException(
              "Cortex XDR's request limit was reached on "
                  + what
                  + " (HTTP "
                  + response.status()
                  + ")",
              tuning.rateLimitWait()));
    }
    if (lower.contains("parallel running queries")) {
      return Optional.of(
          new RetryableException(
              "Cortex XDR refused "
                  + what
                  + ": too many parallel XQL"
                  + " queries on the tenant (HTTP "
                  + response.status()
                  + ")",
              tuning.parallelQueryWait()));
    }
    if (response.status() >= 500) {
      return Optional.of(
          new RetryableException(
              "Cortex XDR answered "
                  + what
                  + " (HTTP "
                  + response.status()
                  + ": "
                  + failures.vendorText(response)
                  + ")",
              Duration.ZERO));
    }
    return Optional.empty();
  }

  /** The vendor's refusal of a query because the daily XQL quota is used up. */
  static boolean quotaExceeded(RawResponse response) {
    if (response.ok()) {
      return false;
    }
    String lower = CortexXdrWire.errorMessage(response).toLowerCase(Locale.ROOT);
    return lower.contains("daily quota") || lower.contains("quota_exceeded");
  }

  /**
   * The wait before attempt {@code attempt + 1}: a signalled wait doubled per attempt plus jitter,
   * or half-jittered exponential backoff for 5xx and dropped connections; both capped.
   */
  long waitMillis(int attempt, Throwable failure) {
    long cap = tuning.backoffCap().toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 20);
    if (failure instanceof RetryableException r && r.retryAfter().compareTo(Duration.ZERO) > 0) {
      long doubled =
          Math.min(r.retryAfter().toMillis() << shift, Math.max(cap, r.retryAfter().toMillis()));
      return doubled + RetryLoop.jitter(random, tuning.jitter().toMillis());
    }
    return RetryLoop.backoffMillis(attempt, tuning.backoffBase(), tuning.backoffCap(), random);
  }
}
