package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import dev.sightline.simulators.server.AlternatingServerError;
import dev.sightline.simulators.server.ArmedFault;
import dev.sightline.simulators.server.FaultStreaks;
import java.time.Duration;

/**
 * Runtime fault control. Each arming method affects the next API calls ({@code /public_api/*});
 * {@code /_sim/*} never. Armed faults are served before any random fault from the {@code --faults}
 * spec, and in this order per call: dropped connection, "Too many requests.", 5xx, then (only for
 * {@code start_xql_query}) the parallel-queries refusal, a body cut mid-way, a truncated JSON body;
 * a slow fault delays a call and then lets it proceed. A {@code 429-storm:N/EVERY} spec arms N
 * refusals in a row at every EVERY-th API call.
 *
 * <p>Thread-safe. Random faults are drawn from a stream seeded by the tenant seed, and a request
 * (same path and body) never gets a third random fault in a row, so a retrying client always gets
 * through.
 */
public final class CortexFaultPlan {
  private static final long SALT = StableHash.salt("cx.faults");

  private final SeededDraws draws;
  private final FaultStreaks streaks = new FaultStreaks();
  private final AlternatingServerError serverErrors = new AlternatingServerError();
  private final ArmedFault tooMany = new ArmedFault();
  private final ArmedFault serverError = new ArmedFault();
  private final ArmedFault drop = new ArmedFault();
  private final ArmedFault slow = new ArmedFault();
  private final ArmedFault parallel = new ArmedFault();
  private final ArmedFault cut = new ArmedFault();
  private final ArmedFault truncate = new ArmedFault();
  private long calls;
  private long injected;
  private CortexFaultSpec spec;
  private String specText;

  CortexFaultPlan(String specText, long seed) {
    this.spec = CortexFaultSpec.parse(specText);
    this.specText = spec == CortexFaultSpec.NONE ? "" : specText.trim();
    this.draws = new SeededDraws(StableHash.of(seed, SALT));
  }

  /**
   * HTTP 429 with the documented "Too many requests." reply, as past the 10 requests per second.
   */
  public synchronized void tooManyRequestsNext(int responses) {
    tooMany.arm(responses);
  }

  /** Business errors: HTTP 500 with an {@code err_code} 500 reply, then 503, alternating. */
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
   * The next {@code start_xql_query} calls are refused with HTTP 500 "reached max allowed amount of
   * parallel running queries", whatever the real number of running queries; other calls are not
   * affected and do not use these up.
   */
  public synchronized void parallelQueryRefusalNext(int responses) {
    parallel.arm(responses);
  }

  /**
   * The next replies are cut mid-body: the headers promise the whole JSON, half of it is sent, then
   * the connection closes (buffered JSON replies only; a streamed result is sent whole).
   */
  public synchronized void cutBodyNext(int responses) {
    cut.arm(responses);
  }

  /**
   * The next replies are complete HTTP responses whose JSON ends halfway, the length header
   * matching the shortened body (buffered JSON replies only).
   */
  public synchronized void truncateJsonNext(int responses) {
    truncate.arm(responses);
  }

  /**
   * Replaces the random fault spec ({@code --faults} grammar) from the next call on, so one
   * simulator can serve a clean run and a faulty one; the draws go on from where they were.
   */
  public synchronized void useSpec(String newSpec) {
    spec = CortexFaultSpec.parse(newSpec);
    specText = spec == CortexFaultSpec.NONE ? "" : newSpec.trim();
    streaks.clear();
  }

  /** How many calls a fault has hit so far, slow ones included. */
  public synchronized long injected() {
    return injected;
  }

  /** Disarms every armed fault and switches the random {@code --faults} spec off. */
  public synchronized void clear() {
    tooMany.disarm();
    serverError.disarm();
    drop.disarm();
    slow.disarm();
    parallel.disarm();
    cut.disarm();
    truncate.disarm();
    spec = CortexFaultSpec.NONE;
    specText = "";
    streaks.clear();
  }

  /**
   * The fault for one API call.
   *
   * @param signature identifies a request for the "never three in a row" rule (path and body)
   * @param startQuery whether the call is {@code start_xql_query}, the only one parallel faults hit
   */
  synchronized CortexFaultDecision forCall(String signature, boolean startQuery) {
    calls++;
    if (spec.stormEvery() > 0 && calls % spec.stormEvery() == 0) {
      tooMany.arm(spec.stormLength()); // a storm ignores the never-three-in-a-row rule
    }
    Duration delay = slow.takeDelay();
    CortexFaultDecision armed = armed(startQuery);
    CortexFaultDecision decision =
        armed != null
            ? armed.withDelay(delay)
            : random(signature, startQuery).withDelay(delay.isZero() ? randomDelay() : delay);
    if (decision.kind() != CortexFaultDecision.Kind.NONE || !decision.delay().isZero()) {
      injected++;
    }
    return decision;
  }

  /** The random fault spec in force, as given; empty when none. */
  synchronized String describe() {
    return specText;
  }

  private CortexFaultDecision armed(boolean startQuery) {
    if (drop.take()) {
      return CortexFaultDecision.of(CortexFaultDecision.Kind.DROP, 0);
    }
    if (tooMany.take()) {
      return CortexFaultDecision.of(CortexFaultDecision.Kind.TOO_MANY, 429);
    }
    if (serverError.take()) {
      return serverError();
    }
    if (startQuery && parallel.take()) {
      return CortexFaultDecision.of(CortexFaultDecision.Kind.PARALLEL, 500);
    }
    if (cut.take()) {
      return CortexFaultDecision.of(CortexFaultDecision.Kind.CUT_BODY, 0);
    }
    if (truncate.take()) {
      return CortexFaultDecision.of(CortexFaultDecision.Kind.TRUNCATE_JSON, 0);
    }
    return null;
  }

  private CortexFaultDecision serverError() {
    return CortexFaultDecision.of(CortexFaultDecision.Kind.SERVER_ERROR, serverErrors.nextStatus());
  }

  private CortexFaultDecision random(String signature, boolean startQuery) {
    if (!spec.randomFailures()) {
      return CortexFaultDecision.NONE;
    }
    double r = draws.nextDouble();
    double p = draws.nextDouble();
    CortexFaultDecision decision = CortexFaultDecision.NONE;
    if (streaks.mayFault(signature)) {
      if (r < spec.tooManyRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.TOO_MANY, 429);
      } else if (r < spec.tooManyRate() + spec.serverErrorRate()) {
        decision = serverError();
      } else if (r < spec.tooManyRate() + spec.serverErrorRate() + spec.dropRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.DROP, 0);
      } else if (r
          < spec.tooManyRate() + spec.serverErrorRate() + spec.dropRate() + spec.cutRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.CUT_BODY, 0);
      } else if (r
          < spec.tooManyRate()
              + spec.serverErrorRate()
              + spec.dropRate()
              + spec.cutRate()
              + spec.truncateRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.TRUNCATE_JSON, 0);
      } else if (startQuery && p < spec.parallelRate()) {
        decision = CortexFaultDecision.of(CortexFaultDecision.Kind.PARALLEL, 500);
      }
    }
    streaks.record(signature, decision.kind() != CortexFaultDecision.Kind.NONE);
    return decision;
  }

  private Duration randomDelay() {
    return spec.slowRate() > 0 && draws.chance(spec.slowRate()) ? spec.slowDelay() : Duration.ZERO;
  }
}
