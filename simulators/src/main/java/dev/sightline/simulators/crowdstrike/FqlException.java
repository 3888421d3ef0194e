package dev.sightline.simulators.crowdstrike;

/** A filter the API refuses; the message goes into the 400 error body as is. */
final class FqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FqlException(String message) {
    super(message);
  }
}
