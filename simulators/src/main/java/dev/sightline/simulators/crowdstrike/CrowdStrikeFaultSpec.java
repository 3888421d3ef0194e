package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.server.FaultBurst;
import dev.sightline.simulators.server.FaultGrammar;
import dev.sightline.simulators.server.FaultItem;
import java.time.Duration;

/**
 * Random fault rates parsed from the {@code --faults} grammar (documented on {@link
 * CrowdStrikeSimulator}). Rates are fractions in [0, 1].
 *
 * @param tokenLifetime when not zero, every token dies this long after it was issued although the
 *     token response still says {@code expires_in: 1799}
 * @param tokenExpiryEveryCalls when not zero, all tokens die after every that many data calls
 * @param malformedPages the next that many record-bearing pages carry one malformed record
 * @param malformedRate chance that a record-bearing page carries one malformed record
 * @param unlistedHostsRate share of managed machines Discover never returns ({@link UnlistedHosts})
 * @param rateLimitStorm consecutive data calls answered 429 (a storm outlasting a client's retries)
 * @param serverErrorBurst consecutive data calls answered 500 or 503
 * @param midBodyDrops data calls whose connection closes after half the body was sent
 * @param truncatedBodies data calls answered in full at the HTTP level with half the JSON body
 * @param cursorExpiries data calls carrying an {@code after} cursor that find it expired (404)
 */
record CrowdStrikeFaultSpec(
    double rateLimitRate,
    double serverErrorRate,
    double dropRate,
    double slowRate,
    Duration slowDelay,
    Duration tokenLifetime,
    int tokenExpiryEveryCalls,
    int malformedPages,
    double malformedRate,
    double unlistedHostsRate,
    FaultBurst rateLimitStorm,
    FaultBurst serverErrorBurst,
    FaultBurst midBodyDrops,
    FaultBurst truncatedBodies,
    FaultBurst cursorExpiries) {

  static final CrowdStrikeFaultSpec NONE =
      new CrowdStrikeFaultSpec(
          0,
          0,
          0,
          0,
          Duration.ZERO,
          Duration.ZERO,
          0,
          0,
          0,
          0,
          FaultBurst.NONE,
          FaultBurst.NONE,
          FaultBurst.NONE,
          FaultBurst.NONE,
          FaultBurst.NONE);
  static final String GRAMMAR =
      "429:P%, 5xx:P%, drop:P%, slow:P%:DURATION, token-expiry:DURATION|N, malformed:N|P%,"
          + " unlisted-hosts:P%, 429-storm:N[@K], 5xx-burst:N[@K], drop-mid-body:N[@K],"
          + " truncated:N[@K], cursor-expiry:N[@K]";
  private static final String VALUE_USAGE = "expected <fault>:<value>";

  static CrowdStrikeFaultSpec parse(String spec) {
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
    double unlistedHosts = 0;
    FaultBurst storm = FaultBurst.NONE;
    FaultBurst serverErrors = FaultBurst.NONE;
    FaultBurst midBody = FaultBurst.NONE;
    FaultBurst truncated = FaultBurst.NONE;
    FaultBurst cursorExpiry = FaultBurst.NONE;
    for (FaultItem item : FaultItem.split(spec, GRAMMAR)) {
      switch (item.kind()) {
        case "429" -> rateLimit = rate(item);
        case "5xx" -> serverError = rate(item);
        case "drop" -> drop = rate(item);
        case "slow" -> {
          FaultItem.Slow s = item.slow();
          slow = s.rate();
          slowDelay = s.delay();
        }
        case "token-expiry" -> {
          String value = item.value(VALUE_USAGE);
          if (FaultGrammar.isCount(value)) {
            tokenEvery = item.positiveCount(value);
          } else {
            tokenLifetime = item.duration(value);
          }
        }
        case "malformed" -> {
          String value = item.value(VALUE_USAGE);
          if (FaultGrammar.isCount(value)) {
            malformedPages = item.positiveCount(value);
          } else {
            malformedRate = item.percent(value);
          }
        }
        case "unlisted-hosts" -> unlistedHosts = rate(item);
        case "429-storm" -> storm = burst(item);
        case "5xx-burst" -> serverErrors = burst(item);
        case "drop-mid-body" -> midBody = burst(item);
        case "truncated" -> truncated = burst(item);
        case "cursor-expiry" -> cursorExpiry = burst(item);
        default -> throw item.invalid("unknown fault '" + item.kind() + "'");
      }
    }
    FaultItem.requireNoStall(spec, rateLimit + serverError + drop);
    return new CrowdStrikeFaultSpec(
        rateLimit,
        serverError,
        drop,
        slow,
        slowDelay,
        tokenLifetime,
        tokenEvery,
        malformedPages,
        malformedRate,
        unlistedHosts,
        storm,
        serverErrors,
        midBody,
        truncated,
        cursorExpiry);
  }

  boolean randomFailures() {
    return rateLimitRate + serverErrorRate + dropRate + slowRate > 0;
  }

  private static FaultBurst burst(FaultItem item) {
    return FaultBurst.parse(item, item.value(VALUE_USAGE));
  }

  private static double rate(FaultItem item) {
    return item.percent(item.value(VALUE_USAGE));
  }
}
