package dev.sightline.connector.http;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Runs one vendor exchange again through transient failures: answers the connector calls transient
 * and network failures other than the {@linkplain NetworkFailures#isPermanent permanent} ones.
 * Resilience4j counts attempts and asks the connector for each wait; the waiting itself goes
 * through {@link ConnectorContext#sleep} so a cancelled run stops at once. Every attempt and every
 * retry is told to the context's {@link ConnectorContext#calls() CallObserver} with its HTTP
 * status, so calls are counted the same way for every connector. Connectors keep what is
 * vendor-specific: what counts as transient, how long to wait, and any pacing before an attempt.
 *
 * @param <R> the vendor's raw response
 */
public final class RetryLoop<R> {

  /** One attempt of an exchange; called again for each retry. */
  @FunctionalInterface
  public interface Attempt<R> {
    R send() throws IOException, InterruptedException;
  }

  /** Runs before every attempt, e.g. to wait for a request budget. */
  @FunctionalInterface
  public interface Pacing {
    void beforeAttempt() throws InterruptedException;
  }

  /** A transient failure the answer shows, or empty when it is to be returned as it is. */
  @FunctionalInterface
  public interface Classifier<R> {
    Optional<RetryableException> transientFailure(R response);
  }

  /** The wait in milliseconds before attempt {@code attempt + 1} after {@code failure}. */
  @FunctionalInterface
  public interface Waits {
    long millis(int attempt, Throwable failure);
  }

  /** Told of each retry before its wait, e.g. to log it under the connector's name. */
  @FunctionalInterface
  public interface Listener {
    void retrying(String what, long waitMillis, Exception failure);
  }

  /** The HTTP status of a raw response, for counting calls. */
  @FunctionalInterface
  public interface StatusOf<R> {
    int status(R response);
  }

  private final String connectorType;
  private final ConnectorContext context;
  private final CallObserver calls;
  private final int maxAttempts;
  private final Listener listener;
  private final StatusOf<R> statusOf;
  private final Retry retry;

  /**
   * @param connectorType the connector's {@link dev.sightline.connector.ConnectorDescriptor#type()
   *     type}: it names the retry and labels the calls told to the context's {@link CallObserver}
   * @param statusOf reads the HTTP status of a response, for the {@link CallObserver}
   */
  public RetryLoop(
      String connectorType,
      int maxAttempts,
      Waits waits,
      ConnectorContext context,
      Listener listener,
      StatusOf<R> statusOf) {
    this.connectorType = connectorType;
    this.context = context;
    this.calls = context.calls();
    this.maxAttempts = maxAttempts;
    this.listener = listener;
    this.statusOf = statusOf;
    this.retry =
        Retry.of(
            connectorType,
            RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(t -> t instanceof RetryableException || t instanceof IOException)
                .intervalBiFunction(
                    (IntervalBiFunction<Object>)
                        (attempt, outcome) -> waits.millis(attempt, outcome.getLeft()))
                .build());
  }

  /**
   * Runs {@code attempt} until it answers with something that is not transient. Throws the last
   * {@link RetryableException} or {@link IOException} once attempts run out, and a permanent
   * network failure at once.
   */
  public R execute(String what, Pacing pacing, Attempt<R> attempt, Classifier<R> classifier)
      throws IOException, InterruptedException {
    Retry.AsyncContext<Object> attempts = retry.asyncContext();
    while (true) {
      pacing.beforeAttempt();
      Exception failure;
      int status;
      try {
        R response = attempt.send();
        status = statusOf.status(response);
        calls.called(connectorType, status);
        Optional<RetryableException> transientFailure = classifier.transientFailure(response);
        if (transientFailure.isEmpty()) {
          attempts.onComplete();
          return response;
        }
        failure = transientFailure.get();
      } catch (IOException e) {
        status = CallObserver.NO_ANSWER;
        calls.called(connectorType, status);
        if (NetworkFailures.isPermanent(e)) {
          throw e;
        }
        failure = e;
      }
      long wait = attempts.onError(failure);
      if (wait < 0) {
        throw giveUp(failure);
      }
      calls.retrying(connectorType, status);
      listener.retrying(what, wait, failure);
      context.sleep(Duration.ofMillis(wait));
    }
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Half-jittered exponential backoff, for 5xx and dropped connections: {@code base} doubled per
   * attempt and capped, then a random point in its upper half, so clients that failed together do
   * not retry together.
   */
  public static long backoffMillis(
      int attempt, Duration base, Duration cap, RandomGenerator random) {
    int shift = Math.min(Math.max(attempt - 1, 0), 20);
    long capped = Math.min(Math.max(1, base.toMillis()) << shift, cap.toMillis());
    return capped / 2 + jitter(random, capped - capped / 2);
  }

  /** A random wait in {@code [0, bound]} milliseconds; 0 when {@code bound} is not positive. */
  public static long jitter(RandomGenerator random, long bound) {
    return bound <= 0 ? 0 : random.nextLong(bound + 1);
  }

  private RuntimeException giveUp(Exception failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    RetryableException last = (RetryableException) failure;
    return new RetryableException(
        last.getMessage() + "; gave up after " + maxAttempts + " attempts",
        last.retryAfter(),
        last);
  }
}
