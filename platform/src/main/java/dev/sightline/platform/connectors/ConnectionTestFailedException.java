package dev.sightline.platform.connectors;

import dev.sightline.connector.CheckResult;
import java.util.List;

/**
 * Settings that were not proven by a passing connection test, so nothing was stored: the checks
 * that ran (the failed one says what to do), or none when a given test id was not accepted.
 */
public final class ConnectionTestFailedException extends RuntimeException {
  private final transient List<CheckResult> checks;

  public ConnectionTestFailedException(String message, List<CheckResult> checks) {
    super(message);
    this.checks = List.copyOf(checks);
  }

  public List<CheckResult> checks() {
    return checks;
  }

  static ConnectionTestFailedException of(List<CheckResult> checks, String what) {
    CheckResult failed =
        checks.stream()
            .filter(c -> c.status() == CheckResult.Status.FAILED)
            .findFirst()
            .orElseThrow();
    return new ConnectionTestFailedException(
        "The connection test failed at "
            + failed.check()
            + ", so "
            + what
            + ": "
            + failed.message()
            + (failed.fix().isEmpty() ? "" : ". To fix: " + failed.fix()),
        checks);
  }
}
