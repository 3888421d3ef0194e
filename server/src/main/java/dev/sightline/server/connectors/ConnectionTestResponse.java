package dev.sightline.server.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.VendorReply;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of Test Connection: passed when every check passed, and each check in order. A
 * passing test of settings not stored yet carries {@code connectionTestId}, which a create of the
 * same settings may send instead of testing again.
 */
record ConnectionTestResponse(
    boolean passed,
    List<Check> checks,
    @JsonInclude(JsonInclude.Include.NON_NULL) UUID connectionTestId) {

  /**
   * One named check, {@code status} PASSED, FAILED or SKIPPED. A failure's {@code message} is its
   * cause and {@code fix} what to do (null otherwise); {@code vendorStatus}, {@code vendorMessage}
   * and {@code traceId} are what the vendor itself answered, when it did.
   */
  record Check(
      String check,
      String status,
      String message,
      String fix,
      long durationMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer vendorStatus,
      @JsonInclude(JsonInclude.Include.NON_NULL) String vendorMessage,
      @JsonInclude(JsonInclude.Include.NON_NULL) String traceId) {
    static Check from(CheckResult r) {
      VendorReply vendor = r.vendorReply().orElse(null);
      return new Check(
          r.check().name(),
          r.status().name(),
          r.message(),
          r.fix().isEmpty() ? null : r.fix(),
          r.duration().toMillis(),
          vendor == null ? null : vendor.httpStatus(),
          vendor == null || vendor.message().isEmpty() ? null : vendor.message(),
          vendor == null ? null : vendor.traceId().orElse(null));
    }
  }

  static List<Check> checks(List<CheckResult> results) {
    return results.stream().map(Check::from).toList();
  }

  static ConnectionTestResponse from(List<CheckResult> results) {
    return new ConnectionTestResponse(
        results.stream().allMatch(CheckResult::passed), checks(results), null);
  }
}
