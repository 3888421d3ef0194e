package dev.sightline.server.web;

/** A sign-in that failed: answered 401 with the message, which names no secret. */
public final class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
