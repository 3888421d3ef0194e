package dev.sightline.simulators.server;

import java.time.Duration;

/**
 * A fault armed at runtime (through {@code /_sim/*} or a test) for the next {@code n} calls or
 * pages; a slow fault also carries its delay. Armed faults come before random ones, so a test can
 * count on them. Not thread-safe: the owning fault plan locks.
 */
public final class ArmedFault {
  private int left;
  private Duration delay = Duration.ZERO;

  /** Arms the fault for the next {@code responses} calls. */
  public void arm(int responses) {
    left = nonNegative(responses);
  }

  /** Arms a slow fault: the next {@code responses} calls are answered after {@code delay}. */
  public void armSlow(int responses, Duration newDelay) {
    if (newDelay == null || newDelay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0: " + newDelay);
    }
    left = nonNegative(responses);
    delay = newDelay;
  }

  /** Uses up one armed call; false when none is left. */
  public boolean take() {
    if (left > 0) {
      left--;
      return true;
    }
    return false;
  }

  /** The armed delay for this call, or zero when no slow call is left. */
  public Duration takeDelay() {
    return take() ? delay : Duration.ZERO;
  }

  public void disarm() {
    left = 0;
  }

  public static int nonNegative(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("must be >= 0: " + value);
    }
    return value;
  }
}
