package dev.sightline.server.cli;

/**
 * Why {@code sightline query} stopped, in plain words, with the exit code a script tests: 2 a query
 * or option the server (or the command) refused, 3 the token, 4 the network, 1 anything else.
 */
final class QueryFailure extends Exception {
  static final int OTHER = 1;
  static final int BAD_QUERY = 2;
  static final int AUTH = 3;
  static final int NETWORK = 4;

  private final int exitCode;

  QueryFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
