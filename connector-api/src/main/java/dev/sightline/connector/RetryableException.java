package dev.sightline.connector;

import java.time.Duration;
import java.util.Objects;

/** A transient failure (rate limit, 5xx, dropped connection) worth retrying after a delay. */
public final class RetryableException extends ConnectorException {
  private final Duration retryAfter;

  public RetryableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public RetryableException(String message, Duration retryAfter) {
    this(message, retryAfter, null);
  }

  /** The vendor's requested wait, or zero when it named none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
