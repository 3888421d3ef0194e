package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.server.FaultGrammar;
import java.time.Duration;
import java.util.Locale;

/**
 * Random fault rates parsed from the {@code --faults} grammar (documented on
 * {@link CrowdStrikeSimulator}). Rates are fractions in [0, 1].
 *
 * @param tokenLifetime when not zero, every token dies this long after it was issued although the
 *     token response still says {@code expires_in: 1799}
 * @param tokenExpiryEveryCalls when not zero, all tokens die after every that many data calls
 * @param malformedPages the next that many record-bearing pages carry one malformed record
 * @param malformedRate chance that a record-bearing page carries one malformed record
 */
record FaultSpec(
    double rateLimitRate,
    double serverErrorRate,
    double dropRate,
    double slowRate,
    Duration slowDelay,
    Duration tokenLifetime,
    int tokenExpiryEveryCalls,
    int malformedPages,
    double malformedRate) {

  static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0, 0, 0);
  /** Above this, failing calls would dominate and a run could stall; the grammar refuses it. */
  static final double MAX_FAILURE_RATE = 0.5;


  static FaultSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    double rateLimit = 0;
    double serverError = 0;
    double drop = 0;
    double slow = 0;
    Duration slowDelay = Duration.ZERO;
    Duration tokenLifetime = Duration.ZERO;
    int tokenEvery = 0;
    int malformedPages = 0;
    double malformedRate = 0;
    for (String rawItem : spec.split(",")) {
      String item = rawItem.trim().toLowerCase(Locale.ROOT);
      String[] parts = item.split(":");
      String kind = parts[0];
      switch (kind) {
        case "429" -> rateLimit = rate(item, parts);
        case "5xx" -> serverError = rate(item, parts);
        case "drop" -> drop = rate(item, parts);
        case "slow" -> {
          if (parts.length != 3) {
            throw invalid(item, "slow needs a rate and a delay, e.g. slow:1%:2s");
          }
          slow = percent(item, parts[1]);
          slowDelay = duration(item, parts[2]);
          if (slowDelay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw invalid(item, "slow delay must be at most 1m");
          }
        }
        case "token-expiry" -> {
          expectParts(item, parts);
          if (FaultGrammar.isCount(parts[1])) {
            tokenEvery = positiveCount(item, parts[1]);
          } else {
            tokenLifetime = duration(item, parts[1]);
          }
        }
        case "malformed" -> {
          expectParts(item, parts);
          if (FaultGrammar.isCount(parts[1])) {
            malformedPages = positiveCount(item, parts[1]);
          } else {
            malformedRate = percent(item, parts[1]);
          }
        }
        default -> throw invalid(item, "unknown fault '" + kind + "'");
      }
    }
    if (rateLimit + serverError + drop > MAX_FAILURE_RATE) {
      throw new IllegalArgumentException("invalid --faults '" + spec
          + "': 429 + 5xx + drop rates add up to more than 50%, which could stall a run");
    }
    return new FaultSpec(rateLimit, serverError, drop, slow, slowDelay, tokenLifetime, tokenEvery, malformedPages,
        malformedRate);
  }

  boolean randomFailures() {
    return rateLimitRate + serverErrorRate + dropRate + slowRate > 0;
  }

  private static double rate(String item, String[] parts) {
    expectParts(item, parts);
    return percent(item, parts[1]);
  }

  private static void expectParts(String item, String[] parts) {
    if (parts.length != 2) {
      throw invalid(item, "expected <fault>:<value>");
    }
  }

  private static double percent(String item, String text) {
    try {
      return FaultGrammar.percent(text);
    } catch (IllegalArgumentException e) {
      throw invalid(item, e.getMessage());
    }
  }

  private static Duration duration(String item, String text) {
    try {
      return FaultGrammar.duration(text);
    } catch (IllegalArgumentException e) {
      throw invalid(item, e.getMessage());
    }
  }

  private static int positiveCount(String item, String text) {
    try {
      return FaultGrammar.positiveCount(text);
    } catch (IllegalArgumentException e) {
      throw invalid(item, e.getMessage());
    }
  }

  private static IllegalArgumentException invalid(String item, String why) {
    return new IllegalArgumentException("invalid --faults item '" + item + "': " + why
        + " (grammar: 429:P%, 5xx:P%, drop:P%, slow:P%:DURATION, token-expiry:DURATION|N, malformed:N|P%)");
  }
}
