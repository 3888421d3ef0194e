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
 * @param cutRate chance that a JSON reply is cut mid-body: the headers promise the whole body, half
 *     of it is sent, then the connection closes
 * @param truncateRate chance that a JSON reply is a complete HTTP response whose JSON ends halfway
 *     (the length header matches the shortened body), as a broken proxy may send
 * @param stormLength how many calls in a row a 429 storm refuses, 0 for no storms
 * @param stormEvery a storm starts at every this-many-th API call
 */
record CortexFaultSpec(
    double tooManyRate,
    double serverErrorRate,
    double dropRate,
    double slowRate,
    Duration slowDelay,
    double parallelRate,
    double blankCveRate,
    double cutRate,
    double truncateRate,
    int stormLength,
    int stormEvery) {

  static final CortexFaultSpec NONE =
      new CortexFaultSpec(0, 0, 0, 0, Duration.ZERO, 0, 0, 0, 0, 0, 0);
  static final String GRAMMAR =
      "429:P%, too-many:P%, 5xx:P%, drop:P%, cut:P%, truncate:P%, slow:P%:DURATION, parallel:P%,"
          + " blank-cve:P%, 429-storm:N/EVERY";

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
    double cut = 0;
    double truncate = 0;
    int stormLength = 0;
    int stormEvery = 0;
    for (FaultItem item : FaultItem.split(spec, GRAMMAR)) {
      switch (item.kind()) {
        case "429", "too-many" -> tooMany = rate(item);
        case "5xx" -> serverError = rate(item);
        case "drop" -> drop = rate(item);
        case "parallel" -> parallel = rate(item);
        case "blank-cve" -> blankCve = rate(item);
        case "cut" -> cut = rate(item);
        case "truncate" -> truncate = rate(item);
        case "429-storm" -> {
          String usage = "expected 429-storm:<calls in a row>/<every N calls>, e.g. 429-storm:3/40";
          String[] storm = item.value(usage).split("/");
          if (storm.length != 2) {
            throw item.invalid(usage);
          }
          stormLength = item.positiveCount(storm[0].trim());
          stormEvery = item.positiveCount(storm[1].trim());
          if (stormLength >= stormEvery) {
            throw item.invalid("a storm must be shorter than the calls between storms, " + usage);
          }
        }
        case "slow" -> {
          FaultItem.Slow s = item.slow();
          slow = s.rate();
          slowDelay = s.delay();
        }
        default -> throw item.invalid("unknown fault '" + item.kind() + "'");
      }
    }
    FaultItem.requireNoStall(spec, tooMany + serverError + drop + cut + truncate);
    if (parallel > FaultItem.MAX_FAILURE_RATE) {
      throw new IllegalArgumentException(
          "invalid --faults '" + spec + "': parallel above 50% could stall a run");
    }
    return new CortexFaultSpec(
        tooMany,
        serverError,
        drop,
        slow,
        slowDelay,
        parallel,
        blankCve,
        cut,
        truncate,
        stormLength,
        stormEvery);
  }

  boolean randomFailures() {
    return tooManyRate + serverErrorRate + dropRate + parallelRate + cutRate + truncateRate > 0;
  }

  private static double rate(FaultItem item) {
    return item.percent(item.value("expected <fault>:<rate>, e.g. 5xx:2%"));
  }
}
