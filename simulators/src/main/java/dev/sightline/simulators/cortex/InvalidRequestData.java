package dev.sightline.simulators.cortex;

/**
 * A {@code request_data} the API refuses: answered as a business error, HTTP 500 with "An error
 * occurred while processing XDR public API - {@code reason}" and {@code err_extra} holding the
 * detail.
 */
final class InvalidRequestData extends RuntimeException {
  private final String reason;

  InvalidRequestData(String reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
