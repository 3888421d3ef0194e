package dev.sightline.simulators.cortex;

/**
 * A query the simulator refuses: a syntax error, an unknown dataset, field or stage, or a stage it
 * does not model. The message is what the 500 reply's {@code err_extra} carries.
 */
final class XqlException extends RuntimeException {
  XqlException(String message) {
    super(message);
  }
}
