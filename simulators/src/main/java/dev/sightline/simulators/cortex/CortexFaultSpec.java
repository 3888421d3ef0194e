package dev.sightline.simulators.cortex;

import dev.sightline.simulators.server.FaultItem;
import java.time.Duration;

/**
 * Random fault rates parsed from the {@code --faults} grammar (documented on {@link
 * CortexXdrSimulator}). Rates are fractions in [0, 1].
 *
 * @param parallelRate chance that a {@code start_xql_query} call is refused with the "parallel
 *     running queries" 500, whatever the real number of running queries
 * @param blankCveRate share of endpoints whose XQL results carry one extra row with an empty CVE
 *     name ({@link BlankCveRows}); tenant data, not a per-call fault
 */
record CortexFaultSpec(
    double tooManyRate,
    double serverErrorRate,
    double dropRate,
    double slowRate,
    Duration slowDelay,
    double parallelRate,
    double blankCveRate) {

  static final CortexFaultSpec NONE = new CortexFaultSpec(0, 0, 0, 0, Duration.ZERO, 0, 0);
  static final String GRAMMAR =
      "429:P%, too-many:P%, 5xx:P%, drop:P%, slow:P%:DURATION, parallel:P%, blank-cve:P%";

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
    double blankCve = 0;
    for (FaultItem item : FaultItem.split(spec, GRAMMAR)) {
      switch (item.kind()) {
        case "429", "too-many" -> tooMany = rate(item);
        case "5xx" -> serverError = rate(item);
        case "drop" -> drop = rate(item);
        case "parallel" -> parallel = rate(item);
        case "blank-cve" -> blankCve = rate(item);
        case "slow" -> {
          FaultItem.Slow s = item.slow();
          slow = s.rate();
          slowDelay = s.delay();
        }
        default -> throw item.invalid("unknown fault '" + item.kind() + "'");
      }
    }
    FaultItem.requireNoStall(spec, tooMany + serverError + drop);
    if (parallel > FaultItem.MAX_FAILURE_RATE) {
      throw new IllegalArgumentException(
          "invalid --faults '" + spec + "': parallel above 50% could stall a run");
    }
    return new CortexFaultSpec(tooMany, serverError, drop, slow, slowDelay, parallel, blankCve);
  }

  boolean randomFailures() {
    return tooManyRate + serverErrorRate + dropRate + parallelRate > 0;
  }

  private static double rate(FaultItem item) {
    return item.percent(item.value("expected <fault>:<rate>, e.g. 5xx:2%"));
  }
}
