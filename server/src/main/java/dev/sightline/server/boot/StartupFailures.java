package dev.sightline.server.boot;

import java.util.Optional;
import org.springframework.boot.web.server.PortInUseException;

/**
 * The known causes of a failed start, each worded as one line with its cause and its fix. Anything
 * else is not known: its stack trace is what a bug report needs.
 */
public final class StartupFailures {
  private StartupFailures() {}

  /** The line for a failure with a known cause, anywhere in its chain of causes. */
  public static Optional<String> explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StartupException startup) {
        return Optional.of(oneLine(startup.getMessage()));
      }
      if (t instanceof PortInUseException port) {
        return Optional.of(StartupChecks.portInUse(port.getPort()).getMessage());
      }
    }
    return Optional.empty();
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
