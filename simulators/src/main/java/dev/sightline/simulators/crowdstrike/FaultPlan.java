package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runtime fault control. Each arming method affects the next API calls (Spotlight, Discover,
 * Devices); {@code /oauth2/token} only through the {@code token…} methods; {@code /_sim/*} never.
 * Armed faults are served before any random fault from the {@code --faults} spec, and in this
 * order per call: dropped connection, 429, 5xx; a slow fault delays a call and then lets it proceed.
 *
 * <p>Thread-safe. Random faults are drawn from a seeded stream, and a request (same method, path and
 * query) never gets a third random fault in a row, so a retrying client always gets through.
 */
public final class FaultPlan {
  private static final long SALT = StableHash.salt("cs.faults");

  private final TokenStore tokens;
  private final SeededDraws draws;
  private final Map<String, Integer> consecutive = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > 10_000;
    }
  };
  private FaultSpec spec;
  private String specText;
  private int rateLimitLeft;
  private int rateLimitRetryAfter;
  private int serverErrorLeft;
  private int serverErrorsServed;
  private int dropLeft;
  private int slowLeft;
  private Duration slowDelay = Duration.ZERO;
  private int malformedLeft;
  private int tokenRateLimitLeft;
  private int tokenRateLimitRetryAfter;
  private int tokenServerErrorLeft;
  private long dataCalls;

  FaultPlan(TokenStore tokens, String specText, long seed) {
    this.tokens = tokens;
    this.spec = FaultSpec.parse(specText);
    this.specText = spec == FaultSpec.NONE ? "" : specText.trim();
    this.draws = new SeededDraws(StableHash.of(seed, SALT));
    this.malformedLeft = spec.malformedPages();
  }

  /** 429 with {@code X-RateLimit-RetryAfter} = now (epoch seconds) + {@code retryAfterSeconds}. */
  public synchronized void rateLimitNext(int responses, int retryAfterSeconds) {
    rateLimitLeft = nonNegative(responses);
    rateLimitRetryAfter = nonNegative(retryAfterSeconds);
  }

  /** 500 {@code Internal Server Error: Please provide trace-id='…' to support}, then 503, alternating. */
  public synchronized void serverErrorNext(int responses) {
    serverErrorLeft = nonNegative(responses);
  }

  /** Closes the socket without sending a response. */
  public synchronized void dropConnectionNext(int responses) {
    dropLeft = nonNegative(responses);
  }

  /** Answers normally after {@code delay}. */
  public synchronized void slowNext(int responses, Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0: " + delay);
    }
    slowLeft = nonNegative(responses);
    slowDelay = delay;
  }

  /** Every token issued so far becomes invalid: 401 {@code access denied, invalid bearer token}. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** One record in each of the next {@code pages} record-bearing pages misses a required field or has a wrong type. */
  public synchronized void malformedRecordNext(int pages) {
    malformedLeft = nonNegative(pages);
  }

  /** 429 on the next {@code /oauth2/token} calls (the token endpoint's own 300/min bucket). */
  public synchronized void tokenRateLimitNext(int responses, int retryAfterSeconds) {
    tokenRateLimitLeft = nonNegative(responses);
    tokenRateLimitRetryAfter = nonNegative(retryAfterSeconds);
  }

  /** 500 on the next {@code /oauth2/token} calls. */
  public synchronized void tokenServerErrorNext(int responses) {
    tokenServerErrorLeft = nonNegative(responses);
  }

  /** Disarms every armed fault and switches the random {@code --faults} spec off. */
  public synchronized void clear() {
    rateLimitLeft = 0;
    serverErrorLeft = 0;
    dropLeft = 0;
    slowLeft = 0;
    malformedLeft = 0;
    tokenRateLimitLeft = 0;
    tokenServerErrorLeft = 0;
    spec = FaultSpec.NONE;
    specText = "";
    consecutive.clear();
  }

  synchronized FaultDecision forDataCall(String signature) {
    dataCalls++;
    if (spec.tokenExpiryEveryCalls() > 0 && dataCalls % spec.tokenExpiryEveryCalls() == 0) {
      tokens.expireAll();
    }
    Duration delay = Duration.ZERO;
    if (slowLeft > 0) {
      slowLeft--;
      delay = slowDelay;
    }
    FaultDecision armed = armedDataFault();
    if (armed != null) {
      return armed.withDelay(delay);
    }
    return randomFault(signature).withDelay(delay.isZero() ? randomDelay() : delay);
  }

  synchronized FaultDecision forTokenCall() {
    if (tokenRateLimitLeft > 0) {
      tokenRateLimitLeft--;
      return new FaultDecision(FaultDecision.Kind.RATE_LIMIT, 429, tokenRateLimitRetryAfter, Duration.ZERO);
    }
    if (tokenServerErrorLeft > 0) {
      tokenServerErrorLeft--;
      return new FaultDecision(FaultDecision.Kind.SERVER_ERROR, 500, 0, Duration.ZERO);
    }
    return FaultDecision.NONE;
  }

  /** Called once per page that carries records: should one of them be malformed? */
  synchronized boolean takeMalformed() {
    if (malformedLeft > 0) {
      malformedLeft--;
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

  private FaultDecision armedDataFault() {
    if (dropLeft > 0) {
      dropLeft--;
      return new FaultDecision(FaultDecision.Kind.DROP, 0, 0, Duration.ZERO);
    }
    if (rateLimitLeft > 0) {
      rateLimitLeft--;
      return new FaultDecision(FaultDecision.Kind.RATE_LIMIT, 429, rateLimitRetryAfter, Duration.ZERO);
    }
    if (serverErrorLeft > 0) {
      serverErrorLeft--;
      return serverError();
    }
    return null;
  }

  private FaultDecision serverError() {
    int status = serverErrorsServed++ % 2 == 0 ? 500 : 503;
    return new FaultDecision(FaultDecision.Kind.SERVER_ERROR, status, 0, Duration.ZERO);
  }

  private FaultDecision randomFault(String signature) {
    if (!spec.randomFailures()) {
      return FaultDecision.NONE;
    }
    double r = draws.nextDouble();
    int streak = consecutive.getOrDefault(signature, 0);
    FaultDecision decision = FaultDecision.NONE;
    if (streak < 2) {
      if (r < spec.rateLimitRate()) {
        decision = new FaultDecision(FaultDecision.Kind.RATE_LIMIT, 429, 1, Duration.ZERO);
      } else if (r < spec.rateLimitRate() + spec.serverErrorRate()) {
        decision = serverError();
      } else if (r < spec.rateLimitRate() + spec.serverErrorRate() + spec.dropRate()) {
        decision = new FaultDecision(FaultDecision.Kind.DROP, 0, 0, Duration.ZERO);
      }
    }
    if (decision.kind() == FaultDecision.Kind.NONE) {
      consecutive.remove(signature);
    } else {
      consecutive.put(signature, streak + 1);
    }
    return decision;
  }

  private Duration randomDelay() {
    return spec.slowRate() > 0 && draws.chance(spec.slowRate()) ? spec.slowDelay() : Duration.ZERO;
  }

  private static int nonNegative(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("must be >= 0: " + value);
    }
    return value;
  }
}
