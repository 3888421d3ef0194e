package dev.sightline.simulators.server;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntax shared by the simulators' {@code --faults} grammars: rates ({@code 5%}, {@code
 * 0.5%}), durations ({@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}) and counts. Each method
 * throws {@link IllegalArgumentException} with a reason; callers add the item and grammar.
 */
public final class FaultGrammar {
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern COUNT = Pattern.compile("\\d+");

  private FaultGrammar() {}

  /** {@code 5%} as 0.05; at most 100%. */
  public static double percent(String text) {
    Matcher m = RATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a percentage like 5%");
    }
    double value = Double.parseDouble(m.group(1)) / 100.0;
    if (value > 1.0) {
      throw new IllegalArgumentException("a rate cannot exceed 100%");
    }
    return value;
  }

  /** {@code 500ms}, {@code 2s}, {@code 5m} or {@code 1h}; positive. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 500ms, 2s, 5m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (d.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    return d;
  }

  public static boolean isCount(String text) {
    return COUNT.matcher(text).matches();
  }

  /** A positive whole number. */
  public static int positiveCount(String text) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a count");
    }
    if (value <= 0) {
      throw new IllegalArgumentException("count must be positive");
    }
    return value;
  }
}
