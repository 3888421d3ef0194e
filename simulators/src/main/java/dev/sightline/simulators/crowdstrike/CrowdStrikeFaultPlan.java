package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import dev.sightline.simulators.server.AlternatingServerError;
import dev.sightline.simulators.server.ArmedFault;
import dev.sightline.simulators.server.FaultBurst;
import dev.sightline.simulators.server.FaultStreaks;
import java.time.Duration;

/**
 * Runtime fault control. Each arming method affects the next API calls (Spotlight, Discover,
 * Devices); {@code /oauth2/token} only through the {@code token…} methods; {@code /_sim/*} never.
 * Armed faults are served before any random fault from the {@code --faults} spec, and in this order
 * per call: dropped connection, 429, 5xx, connection dropped mid-body, truncated body; a slow fault
 * delays a call and then lets it proceed.
 *
 * <p>Thread-safe. Random faults are drawn from a seeded stream, and a request (same method, path
 * and query) never gets a third random fault in a row, so a retrying client always gets through.
 */
public final class CrowdStrikeFaultPlan {
  private static final long SALT = StableHash.salt("cs.faults");

  private final TokenStore tokens;
  private final CursorRegistry cursors;
  private final SeededDraws draws;
  private final FaultStreaks streaks = new FaultStreaks();
  private final AlternatingServerError serverErrors = new AlternatingServerError();
  private final ArmedFault rateLimit = new ArmedFault();
  private final ArmedFault serverError = new ArmedFault();
  private final ArmedFault drop = new ArmedFault();
  private final ArmedFault slow = new ArmedFault();
  private final ArmedFault malformed = new ArmedFault();
  private final ArmedFault tokenRateLimit = new ArmedFault();
  private final ArmedFault tokenServerError = new ArmedFault();
  private final ArmedFault midBodyDrop = new ArmedFault();
  private final ArmedFault truncated = new ArmedFault();
  private final ArmedFault cursorExpiry = new ArmedFault();
  private CrowdStrikeFaultSpec spec;
  private String specText;
  private int rateLimitRetryAfter;
  private int tokenRateLimitRetryAfter;
  private long dataCalls;

  CrowdStrikeFaultPlan(TokenStore tokens, CursorRegistry cursors, String specText, long seed) {
    this.tokens = tokens;
    this.cursors = cursors;
    this.spec = CrowdStrikeFaultSpec.parse(specText);
    this.specText = spec == CrowdStrikeFaultSpec.NONE ? "" : specText.trim();
    this.draws = new SeededDraws(StableHash.of(seed, SALT));
    this.malformed.arm(spec.malformedPages());
  }

  /** 429 with {@code X-RateLimit-RetryAfter} = now (epoch seconds) + {@code retryAfterSeconds}. */
  public synchronized void rateLimitNext(int responses, int retryAfterSeconds) {
    rateLimit.arm(responses);
    rateLimitRetryAfter = ArmedFault.nonNegative(retryAfterSeconds);
  }

  /**
   * 500 {@code Internal Server Error: Please provide trace-id='…' to support}, then 503,
   * alternating.
   */
  public synchronized void serverErrorNext(int responses) {
    serverError.arm(responses);
  }

  /** Closes the socket without sending a response. */
  public synchronized void dropConnectionNext(int responses) {
    drop.arm(responses);
  }

  /** Answers normally after {@code delay}. */
  public synchronized void slowNext(int responses, Duration delay) {
    slow.armSlow(responses, delay);
  }

  /**
   * Sends the headers and half the body of each of the next {@code responses} answers, then closes
   * the connection: the client sees the answer end before its Content-Length.
   */
  public synchronized void dropMidBodyNext(int responses) {
    midBodyDrop.arm(responses);
  }

  /**
   * Answers each of the next {@code responses} calls with a complete HTTP response whose JSON body
   * is cut in half (its Content-Length matches the cut body), as a gateway that fails mid-stream
   * and still ends the response would.
   */
  public synchronized void truncateNext(int responses) {
    truncated.arm(responses);
  }

  /**
   * The next {@code calls} data calls that carry an {@code after} cursor find it expired: 404
   * "Search context expired", as after the real cursor's ~120 s life.
   */
  public synchronized void expireCursorsNext(int calls) {
    cursorExpiry.arm(calls);
  }

  /** Every token issued so far becomes invalid: 401 {@code access denied, invalid bearer token}. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /**
   * One record in each of the next {@code pages} record-bearing pages misses a required field or
   * has a wrong type.
   */
  public synchronized void malformedRecordNext(int pages) {
    malformed.arm(pages);
  }

  /** 429 on the next {@code /oauth2/token} calls (the token endpoint's own 300/min bucket). */
  public synchronized void tokenRateLimitNext(int responses, int retryAfterSeconds) {
    tokenRateLimit.arm(responses);
    tokenRateLimitRetryAfter = ArmedFault.nonNegative(retryAfterSeconds);
  }

  /** 500 on the next {@code /oauth2/token} calls. */
  public synchronized void tokenServerErrorNext(int responses) {
    tokenServerError.arm(responses);
  }

  /** Disarms every armed fault and switches the random {@code --faults} spec off. */
  public synchronized void clear() {
    rateLimit.disarm();
    serverError.disarm();
    drop.disarm();
    slow.disarm();
    malformed.disarm();
    tokenRateLimit.disarm();
    tokenServerError.disarm();
    midBodyDrop.disarm();
    truncated.disarm();
    cursorExpiry.disarm();
    spec = CrowdStrikeFaultSpec.NONE;
    specText = "";
    streaks.clear();
  }

  /**
   * The fault for one data call.
   *
   * @param carriesCursor whether the call sends an {@code after} cursor, which an armed cursor
   *     expiry then invalidates (with every other cursor issued so far)
   */
  synchronized CrowdStrikeFaultDecision forDataCall(String signature, boolean carriesCursor) {
    dataCalls++;
    armBurstsStartingNow();
    if (spec.tokenExpiryEveryCalls() > 0 && dataCalls % spec.tokenExpiryEveryCalls() == 0) {
      tokens.expireAll();
    }
    if (carriesCursor && cursorExpiry.take()) {
      cursors.expireAll();
    }
    Duration delay = slow.takeDelay();
    CrowdStrikeFaultDecision armed = armedDataFault();
    if (armed != null) {
      return armed.withDelay(delay);
    }
    return randomFault(signature).withDelay(delay.isZero() ? randomDelay() : delay);
  }

  synchronized CrowdStrikeFaultDecision forTokenCall() {
    if (tokenRateLimit.take()) {
      return new CrowdStrikeFaultDecision(
          CrowdStrikeFaultDecision.Kind.RATE_LIMIT, 429, tokenRateLimitRetryAfter, Duration.ZERO);
    }
    if (tokenServerError.take()) {
      return new CrowdStrikeFaultDecision(
          CrowdStrikeFaultDecision.Kind.SERVER_ERROR, 500, 0, Duration.ZERO);
    }
    return CrowdStrikeFaultDecision.NONE;
  }

  /** Called once per page that carries records: should one of them be malformed? */
  synchronized boolean takeMalformed() {
    if (malformed.take()) {
      return true;
    }
    return spec.malformedRate() > 0 && draws.chance(spec.malformedRate());
  }

  /** Tokens die this long after issue; the token response still claims 1799 s. */
  synchronized Duration tokenLifetime() {
    return spec.tokenLifetime().isZero() ? TokenStore.LIFETIME : spec.tokenLifetime();
  }

  /** The random fault spec in force, as given; empty when none. */
  synchronized String describe() {
    return specText;
  }

  /** The {@code --faults} bursts whose first call this is (see {@link FaultBurst}). */
  private void armBurstsStartingNow() {
    if (spec.rateLimitStorm().startsAt(dataCalls)) {
      rateLimit.arm(spec.rateLimitStorm().count());
      rateLimitRetryAfter = 1;
    }
    if (spec.serverErrorBurst().startsAt(dataCalls)) {
      serverError.arm(spec.serverErrorBurst().count());
    }
    if (spec.midBodyDrops().startsAt(dataCalls)) {
      midBodyDrop.arm(spec.midBodyDrops().count());
    }
    if (spec.truncatedBodies().startsAt(dataCalls)) {
      truncated.arm(spec.truncatedBodies().count());
    }
    if (spec.cursorExpiries().startsAt(dataCalls)) {
      cursorExpiry.arm(spec.cursorExpiries().count());
    }
  }

  private CrowdStrikeFaultDecision armedDataFault() {
    if (drop.take()) {
      return new CrowdStrikeFaultDecision(CrowdStrikeFaultDecision.Kind.DROP, 0, 0, Duration.ZERO);
    }
    if (rateLimit.take()) {
      return new CrowdStrikeFaultDecision(
          CrowdStrikeFaultDecision.Kind.RATE_LIMIT, 429, rateLimitRetryAfter, Duration.ZERO);
    }
    if (serverError.take()) {
      return serverError();
    }
    if (midBodyDrop.take()) {
      return new CrowdStrikeFaultDecision(
          CrowdStrikeFaultDecision.Kind.DROP_MID_BODY, 0, 0, Duration.ZERO);
    }
    if (truncated.take()) {
      return new CrowdStrikeFaultDecision(
          CrowdStrikeFaultDecision.Kind.TRUNCATE, 0, 0, Duration.ZERO);
    }
    return null;
  }

  private CrowdStrikeFaultDecision serverError() {
    return new CrowdStrikeFaultDecision(
        CrowdStrikeFaultDecision.Kind.SERVER_ERROR, serverErrors.nextStatus(), 0, Duration.ZERO);
  }

  private CrowdStrikeFaultDecision randomFault(String signature) {
    if (!spec.randomFailures()) {
      return CrowdStrikeFaultDecision.NONE;
    }
    double r = draws.nextDouble();
    CrowdStrikeFaultDecision decision = CrowdStrikeFaultDecision.NONE;
    if (streaks.mayFault(signature)) {
      if (r < spec.rateLimitRate()) {
        decision =
            new CrowdStrikeFaultDecision(
                CrowdStrikeFaultDecision.Kind.RATE_LIMIT, 429, 1, Duration.ZERO);
      } else if (r < spec.rateLimitRate() + spec.serverErrorRate()) {
        decision = serverError();
      } else if (r < spec.rateLimitRate() + spec.serverErrorRate() + spec.dropRate()) {
        decision =
            new CrowdStrikeFaultDecision(CrowdStrikeFaultDecision.Kind.DROP, 0, 0, Duration.ZERO);
      }
    }
    streaks.record(signature, decision.kind() != CrowdStrikeFaultDecision.Kind.NONE);
    return decision;
  }

  private Duration randomDelay() {
    return spec.slowRate() > 0 && draws.chance(spec.slowRate()) ? spec.slowDelay() : Duration.ZERO;
  }
}
