package dev.sightline.server.web;

import java.time.Duration;

/** Refused until later: answered 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {
  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
