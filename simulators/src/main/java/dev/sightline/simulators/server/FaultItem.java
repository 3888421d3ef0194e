package dev.sightline.simulators.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One item of a {@code --faults} list, e.g. {@code slow:1%:2s}: its kind and values, parsed with
 * the {@link FaultGrammar} syntax. Every error names the item and the simulator's whole grammar.
 */
public final class FaultItem {
  /** Above this, failing calls would dominate and a run could stall; the grammars refuse it. */
  public static final double MAX_FAILURE_RATE = 0.5;

  private final String text;
  private final String[] parts;
  private final String grammar;

  private FaultItem(String text, String grammar) {
    this.text = text;
    this.parts = text.split(":");
    this.grammar = grammar;
  }

  /** The comma-separated items of {@code spec}, trimmed and lower-cased; none for a blank spec. */
  public static List<FaultItem> split(String spec, String grammar) {
    if (spec == null || spec.isBlank()) {
      return List.of();
    }
    return Arrays.stream(spec.split(","))
        .map(raw -> new FaultItem(raw.trim().toLowerCase(Locale.ROOT), grammar))
        .toList();
  }

  /** Refuses a spec whose failure rates could stall a run. */
  public static void requireNoStall(String spec, double failureRate) {
    if (failureRate > MAX_FAILURE_RATE) {
      throw new IllegalArgumentException(
          "invalid --faults '"
              + spec
              + "': 429 + 5xx + drop rates add up to more than 50%, which could stall a run");
    }
  }

  /** What comes before the first colon, e.g. {@code 5xx}. */
  public String kind() {
    return parts[0];
  }

  /** The value of a {@code <fault>:<value>} item; {@code usage} says what is wrong otherwise. */
  public String value(String usage) {
    if (parts.length != 2) {
      throw invalid(usage);
    }
    return parts[1];
  }

  /** A {@code slow:P%:DURATION} item: a rate and a delay of at most a minute. */
  public Slow slow() {
    if (parts.length != 3) {
      throw invalid("slow needs a rate and a delay, e.g. slow:1%:2s");
    }
    Slow slow = new Slow(percent(parts[1]), duration(parts[2]));
    if (slow.delay().compareTo(Duration.ofMinutes(1)) > 0) {
      throw invalid("slow delay must be at most 1m");
    }
    return slow;
  }

  /** A slow fault's rate and delay. */
  public record Slow(double rate, Duration delay) {}

  public double percent(String value) {
    return parse(value, FaultGrammar::percent);
  }

  public Duration duration(String value) {
    return parse(value, FaultGrammar::duration);
  }

  public int positiveCount(String value) {
    return parse(value, FaultGrammar::positiveCount);
  }

  public IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException(
        "invalid --faults item '" + text + "': " + why + " (grammar: " + grammar + ")");
  }

  private <T> T parse(String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }
}
