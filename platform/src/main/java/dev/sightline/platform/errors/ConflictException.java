package dev.sightline.platform.errors;

/** The request clashes with the current state (a taken name, a run already in flight). */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
