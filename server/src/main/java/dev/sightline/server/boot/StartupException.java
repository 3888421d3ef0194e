package dev.sightline.server.boot;

/**
 * A reason the server cannot start that the user can act on: the message says what is wrong and
 * what to do, in one line, so it is printed as it is rather than as a stack trace.
 */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String cause, String fix, Throwable underlying) {
    super(cause.strip().replaceAll("\\.+$", "") + ". To fix: " + fix, underlying);
  }

  private StartupException(String line) {
    super(line);
  }

  /**
   * Reads settings, turning a refused value (an {@link IllegalArgumentException} whose message
   * names the setting and how to set it) into a failed start in that one line.
   */
  public static <T> T settings(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      StartupException refused = new StartupException(e.getMessage());
      refused.addSuppressed(e);
      throw refused;
    }
  }
}
