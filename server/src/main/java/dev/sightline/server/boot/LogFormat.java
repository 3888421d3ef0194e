package dev.sightline.server.boot;

import java.util.Locale;
import java.util.Map;

/**
 * SIGHTLINE_LOG_FORMAT: {@code text} (the default) keeps the human-readable lines; {@code json}
 * writes each log event as one JSON object in the Elastic Common Schema, Spring Boot's structured
 * logging, for a log shipper to read.
 */
public final class LogFormat {
  static final String SETTING = "SIGHTLINE_LOG_FORMAT";

  private LogFormat() {}

  /** The Spring properties that select the format. */
  public static Map<String, Object> properties(Map<String, String> env) {
    String raw = env.getOrDefault(SETTING, "").trim();
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "", "text" -> Map.of();
      case "json" -> Map.of("logging.structured.format.console", "ecs");
      default ->
          throw new StartupException(
              SETTING + " is '" + raw + "'",
              "set it to json or text (the default), or unset it",
              null);
    };
  }
}
