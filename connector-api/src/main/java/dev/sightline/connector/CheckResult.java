package dev.sightline.connector;

import java.util.Objects;

/** The outcome of one named Test Connection check; a failure says what to do. */
public record CheckResult(Check check, Status status, String message) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public static CheckResult passed(Check check, String message) {
    return new CheckResult(check, Status.PASSED, message);
  }

  public static CheckResult failed(Check check, String message) {
    return new CheckResult(check, Status.FAILED, message);
  }

  public static CheckResult skipped(Check check) {
    return new CheckResult(check, Status.SKIPPED, "skipped: an earlier check failed");
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
