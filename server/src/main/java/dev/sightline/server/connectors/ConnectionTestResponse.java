package dev.sightline.server.connectors;

import dev.sightline.connector.CheckResult;
import java.util.List;

/** The outcome of Test Connection: passed when every check passed, and each check in order. */
record ConnectionTestResponse(boolean passed, List<Check> checks) {

  /** One named check, {@code status} PASSED, FAILED or SKIPPED; a failure says what to do. */
  record Check(String check, String status, String message) {
    static Check from(CheckResult r) {
      return new Check(r.check().name(), r.status().name(), r.message());
    }
  }

  static ConnectionTestResponse from(List<CheckResult> results) {
    return new ConnectionTestResponse(
        results.stream().allMatch(CheckResult::passed), results.stream().map(Check::from).toList());
  }
}
