package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runtime fault control. Each arming method affects the next API calls ({@code /public_api/*});
 * {@code /_sim/*} never. Armed faults are served before any random fault from the {@code --faults}
 * spec, and in this order per call: dropped connection, "Too many requests.", 5xx, then (only for
 * {@code start_xql_query}) the parallel-queries refusal; a slow fault delays a call and then lets it
 * proceed.
 *
 * <p>Thread-safe. Random faults are drawn from a stream seeded by the tenant seed, and a request
 * (same path and body) never gets a third random fault in a row, so a retrying client always gets
 * through.
 */
public final class CortexFaultPlan {
  private static final long SALT = StableHash.salt("cx.faults");

  private final SeededDraws draws;
  private final Map<String, Integer> consecutive = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > 10_000;
    }
  };
  private CortexFaultSpec spec;
  private String specText;
  private int tooManyLeft;
  private int serverErrorLeft;
  private int serverErrorsServed;
  private int dropLeft;
  private int slowLeft;
  private Duration slowDelay = Duration.ZERO;
  private int parallelLeft;

  CortexFaultPlan(String specText, long seed) {
    this.spec = CortexFaultSpec.parse(specText);
    this.specText = spec == CortexFaultSpec.NONE ? "" : specText.trim();
    this.draws = new SeededDraws(StableHash.of(seed, SALT));
  }

  /** HTTP 429 with the documented "Too many requests." reply, as past the 10 requests per second. */
  public synchronized void tooManyRequestsNext(int responses) {
    tooManyLeft = nonNegative(responses);
  }

  /** Business errors: HTTP 500 with an {@code err_code} 500 reply, then 503, alternating. */
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

  /**
   * The next {@code start_xql_query} calls are refused with HTTP 500 "reached max allowed amount of
   * parallel running queries", whatever the real number of running queries; other calls are not
   * affected and do not use these up.
   */
  public synchronized void parallelQueryRefusalNext(int responses) {
    parallelLeft = nonNegative(responses);
  }

  /** Disarms every armed fault and switches the random {@code --faults} spec off. */
  public synchronized void clear() {
    tooManyLeft = 0;
    serverErrorLeft = 0;
    dropLeft = 0;
    slowLeft = 0;
    parallelLeft = 0;
    spec = CortexFaultSpec.NONE;
    specText = "";
    consecutive.clear();
  }

  /**
   * The fault for one API call.
   *
   * @param signature identifies a request for the "never three in a row" rule (path and body)
   * @param startQuery whether the call is {@code start_xql_query}, the only one parallel faults hit
   */
  synchronized CortexFaultDecision forCall(String signature, boolean startQuery) {
    Duration delay = Duration.ZERO;
    if (slowLeft > 0) {
      slowLeft--;
      delay = slowDelay;
    }
    CortexFaultDecision armed = armed(startQuery);
    if (armed != null) {
      return armed.withDelay(delay);
    }
    return random(signature, startQuery).withDelay(delay.isZero() ? randomDelay() : delay);
  }

  /** The random fault spec in force, as given; empty when none. */
  synchronized String describe() {
    return specText;
  }

  private CortexFaultDecision armed(boolean startQuery) {
    if (dropLeft > 0) {
      dropLeft--;
      return CortexFaultDecision.of(CortexFaultDecision.Kind.DROP, 0);
    }
    if (tooManyLeft > 0) {
      tooManyLeft--;
      return CortexFaultDecision.of(CortexFaultDecision.Kind.TOO_MANY, 429);
    }
    if (serverErrorLeft > 0) {
      serverErrorLeft--;
      return serverError();
    }
    if (startQuery && parallelLeft > 0) {
      parallelLeft--;
      return CortexFaultDecision.of(CortexFaultDecision.Kind.PARALLEL, 500);
    }
    return null;
  }

  private CortexFaultDecision serverError() {
    int status = serverErrorsServed++ % 2 == 0 ? 500 : 503;
    return CortexFaultDecision.of(CortexFaultDecision.Kind.SERVER_ERROR, status);
  }

  private CortexFaultDecision random(String signature, boolean startQuery) {
    if (!spec.randomFailures()) {
      return CortexFaultDecision.NONE;
    }
    double r = draws.nextDouble();
    double p = draws.nextDouble();
    int streak = consecutive.getOrDefault(signature, 0);
    CortexFaultDecision decision = CortexFaultDecision.NONE;
    if (streak < 2) {
      if (r < spec.tooManyRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.TOO_MANY, 429);
      } else if (r < spec.tooManyRate() + spec.serverErrorRate()) {
        decision = serverError();
      } else if (r < spec.tooManyRate() + spec.serverErrorRate() + spec.dropRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.DROP, 0);
      } else if (startQuery && p < spec.parallelRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.PARALLEL, 500);
      }
    }
    if (decision.kind() == CortexFaultDecision.Kind.NONE) {
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
