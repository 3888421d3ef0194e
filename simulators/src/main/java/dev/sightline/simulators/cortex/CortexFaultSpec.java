package dev.sightline.simulators.cortex;

import dev.sightline.simulators.server.FaultGrammar;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Random fault rates parsed from the {@code --faults} grammar (documented on
 * {@link CortexXdrSimulator}). Rates are fractions in [0, 1].
 *
 * @param parallelRate chance that a {@code start_xql_query} call is refused with the "parallel
 *     running queries" 500, whatever the real number of running queries
 */
record CortexFaultSpec(
    double tooManyRate,
    double serverErrorRate,
    double dropRate,
    double slowRate,
    Duration slowDelay,
    double parallelRate) {

  static final CortexFaultSpec NONE = new CortexFaultSpec(0, 0, 0, 0, Duration.ZERO, 0);
  /** Above this, failing calls would dominate and a run could stall; the grammar refuses it. */
  static final double MAX_FAILURE_RATE = 0.5;
  static final String GRAMMAR = "429:P%, too-many:P%, 5xx:P%, drop:P%, slow:P%:DURATION, parallel:P%";

  static CortexFaultSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    double tooMany = 0;
    double serverError = 0;
    double drop = 0;
    double slow = 0;
    Duration slowDelay = Duration.ZERO;
    double parallel = 0;
    for (String rawItem : spec.split(",")) {
      String item = rawItem.trim().toLowerCase(Locale.ROOT);
      String[] parts = item.split(":");
      switch (parts[0]) {
        case "429", "too-many" -> tooMany = rate(item, parts);
        case "5xx" -> serverError = rate(item, parts);
        case "drop" -> drop = rate(item, parts);
        case "parallel" -> parallel = rate(item, parts);
        case "slow" -> {
          if (parts.length != 3) {
            throw invalid(item, "slow needs a rate and a delay, e.g. slow:1%:2s");
          }
          slow = value(item, () -> FaultGrammar.percent(parts[1]));
          slowDelay = value(item, () -> FaultGrammar.duration(parts[2]));
          if (slowDelay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw invalid(item, "slow delay must be at most 1m");
          }
        }
        default -> throw invalid(item, "unknown fault '" + parts[0] + "'");
      }
    }
    if (tooMany + serverError + drop > MAX_FAILURE_RATE) {
      throw new IllegalArgumentException("invalid --faults '" + spec
          + "': 429 + 5xx + drop rates add up to more than 50%, which could stall a run");
    }
    if (parallel > MAX_FAILURE_RATE) {
      throw new IllegalArgumentException("invalid --faults '" + spec + "': parallel above 50% could stall a run");
    }
    return new CortexFaultSpec(tooMany, serverError, drop, slow, slowDelay, parallel);
  }

  boolean randomFailures() {
    return tooManyRate + serverErrorRate + dropRate + parallelRate > 0;
  }

  private static double rate(String item, String[] parts) {
    if (parts.length != 2) {
      throw invalid(item, "expected <fault>:<rate>, e.g. 5xx:2%");
    }
    return value(item, () -> FaultGrammar.percent(parts[1]));
  }

  private static <T> T value(String item, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw invalid(item, e.getMessage());
    }
  }

  private static IllegalArgumentException invalid(String item, String why) {
    return new IllegalArgumentException("invalid --faults item '" + item + "': " + why + " (grammar: " + GRAMMAR
        + ")");
  }
}
