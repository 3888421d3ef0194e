package dev.sightline.server.web;

/**
 * Signed in with a role that may call the endpoint, but not allowed to change this thing (another
 * user's shared view): answered 403 with the message.
 */
public final class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
