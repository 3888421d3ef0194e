package dev.sightline.server.boot;

/**
 * A reason the server cannot start that the user can act on: the message says what is wrong and
 * what to do, in one line, so it is printed as it is rather than as a stack trace.
 */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String cause, String fix, Throwable underlying) {
    super(cause + ". To fix: " + fix, underlying);
  }
}
