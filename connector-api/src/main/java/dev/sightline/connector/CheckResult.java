package dev.sightline.connector;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one named Test Connection check.
 *
 * @param message what the check found: on a pass what worked, on a failure the cause (without the
 *     fix, which is apart)
 * @param fix what to do about a failure; "" for a check that passed or was skipped
 * @param duration how long the check took; zero for a skipped one
 * @param vendorReply what the vendor itself answered, when a failure is an answer of the vendor's
 */
public record CheckResult(
    Check check,
    Status status,
    String message,
    String fix,
    Duration duration,
    Optional<VendorReply> vendorReply) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(vendorReply, "vendorReply");
  }

  public static CheckResult passed(Check check, String message) {
    return new CheckResult(check, Status.PASSED, message, "", Duration.ZERO, Optional.empty());
  }

  /** A failure with no more to say than its message. */
  public static CheckResult failed(Check check, String message) {
    return failed(check, message, "");
  }

  public static CheckResult failed(Check check, String message, String fix) {
    return new CheckResult(check, Status.FAILED, message, fix, Duration.ZERO, Optional.empty());
  }

  /**
   * The failure a connector raised, told apart: a {@link PermanentException}'s reason as the
   * message and its fix as the fix; any other failure's message, with a fix that fits its kind.
   */
  public static CheckResult failed(Check check, ConnectorException failure) {
    String message;
    String fix;
    if (failure instanceof PermanentException permanent) {
      message = permanent.reason();
      fix = permanent.fix();
    } else if (failure instanceof RetryableException) {
      message = failure.getMessage();
      fix =
          "the vendor is busy or briefly unavailable: wait a minute and run Test Connection again";
    } else {
      message = failure.getMessage();
      fix =
          "run Test Connection again; if the answer stays the same, report it to the vendor's"
              + " support with the trace id";
    }
    return new CheckResult(
        check, Status.FAILED, message, fix, Duration.ZERO, failure.vendorReply());
  }

  public static CheckResult skipped(Check check) {
    return new CheckResult(
        check,
        Status.SKIPPED,
        "skipped: an earlier check failed",
        "",
        Duration.ZERO,
        Optional.empty());
  }

  /** The same result, timed. */
  public CheckResult took(Duration took) {
    return new CheckResult(check, status, message, fix, took, vendorReply);
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  /** The seed's five checks, in the order they run. */
  public enum Check {
    NETWORK_REACHABILITY,
    TLS_HANDSHAKE,
    AUTHENTICATION,
    AUTHORIZATION_SCOPE,
    DATA_FETCH
  }

  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }
}
