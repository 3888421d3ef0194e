package dev.sightline.platform.errors;

/** The thing asked for does not exist. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
