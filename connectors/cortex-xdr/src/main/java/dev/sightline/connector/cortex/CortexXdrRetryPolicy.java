package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.http.NetworkFailures;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one vendor exchange through transient failures, each attempt paced by the {@link
 * CortexXdrRequestBudget}: "Too many requests." (HTTP 429, or the text on another status) from one
 * second up, refusals for too many parallel XQL queries from {@link
 * CortexXdrTuning#parallelQueryWait()} up, both doubled per attempt with jitter; 5xx and dropped
 * connections with exponential backoff and jitter. Cortex sends no Retry-After. Resilience4j counts
 * attempts and computes intervals; the waiting goes through {@link ConnectorContext#sleep}.
 */
final class CortexXdrRetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(CortexXdrRetryPolicy.class);

  private final CortexXdrTuning tuning;
  private final ConnectorContext context;
  private final CortexXdrRequestBudget budget;
  private final CortexXdrFailures failures;
  private final RandomGenerator random;
  private final Retry retry;

  CortexXdrRetryPolicy(CortexXdrTuning tuning, ConnectorContext context, CortexXdrRequestBudget budget,
      CortexXdrFailures failures, RandomGenerator random) {
    this.tuning = tuning;
    this.context = context;
    this.budget = budget;
    this.failures = failures;
    this.random = random;
    this.retry = Retry.of("cortex-xdr", RetryConfig.custom()
        .maxAttempts(tuning.maxAttempts())
        .retryOnException(t -> t instanceof RetryableException || t instanceof IOException)
        .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> waitMillis(attempt, outcome.getLeft()))
        .build());
  }

  /** One attempt of an exchange; called again for each retry, so it signs the request anew. */
  @FunctionalInterface
  interface Exchange {
    RawResponse send() throws IOException, InterruptedException;
  }

  /**
   * Runs {@code exchange} until it answers with something that is not transient. Throws the last
   * {@link RetryableException} or {@link IOException} once attempts run out, and a permanent
   * network failure ({@link NetworkFailures#isPermanent}) at once.
   */
  RawResponse execute(String what, Exchange exchange) throws IOException, InterruptedException {
    Retry.AsyncContext<Object> attempts = retry.asyncContext();
    while (true) {
      budget.acquire();
      Exception failure;
      try {
        RawResponse response = exchange.send();
        Optional<RetryableException> transientFailure = transientFailure(what, response);
        if (transientFailure.isEmpty()) {
          attempts.onComplete();
          return response;
        }
        failure = transientFailure.get();
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
      return Optional.of(new RetryableException("Cortex XDR's request limit was reached on " + what
          + " (HTTP " + response.status() + ")", tuning.rateLimitWait()));
    }
    if (lower.contains("parallel running queries")) {
      return Optional.of(new RetryableException("Cortex XDR refused " + what + ": too many parallel XQL"
          + " queries on the tenant (HTTP " + response.status() + ")", tuning.parallelQueryWait()));
    }
    if (response.status() >= 500) {
      return Optional.of(new RetryableException("Cortex XDR answered " + what + " (HTTP "
          + response.status() + ": " + failures.vendorText(response) + ")", Duration.ZERO));
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
      long doubled = Math.min(r.retryAfter().toMillis() << shift, Math.max(cap, r.retryAfter().toMillis()));
      return doubled + jitter(tuning.jitter().toMillis());
    }
    long base = Math.max(1, tuning.backoffBase().toMillis());
    long capped = Math.min(base << shift, cap);
    return capped / 2 + jitter(capped - capped / 2);
  }

  private long jitter(long bound) {
    return bound <= 0 ? 0 : random.nextLong(bound + 1);
  }

  private RuntimeException giveUp(Exception failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    RetryableException last = (RetryableException) failure;
    return new RetryableException(last.getMessage() + "; gave up after " + tuning.maxAttempts() + " attempts",
        last.retryAfter(), last);
  }
}
