package dev.sightline.simulators.crowdstrike;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sightline.simulators.server.CallGuard;
import dev.sightline.simulators.server.SlidingWindowLimiter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dispatches every request and applies the gateway's behaviour in the real order: injected fault,
 * bearer check (401 and the 15/min bucket for bad tokens), the 6000/min tenant bucket, scope check
 * (403), then the endpoint. {@code /_sim/*} and {@code /oauth2/*} skip the data-call steps.
 */
final class CrowdStrikeRouter implements HttpHandler {
  /** A data endpoint: its method and path, required scope and handler. */
  record Route(String method, String path, String scope, Endpoint endpoint) {}

  @FunctionalInterface
  interface Endpoint {
    void handle(HttpCall call) throws IOException;
  }

  private final Map<String, Route> routes = new HashMap<>();
  private final Set<String> paths = new HashSet<>();
  private final TokenEndpoint tokenEndpoint;
  private final SimControlEndpoint simControl;
  private final TokenStore tokens;
  private final CrowdStrikeFaultPlan faults;
  private final TraceIds traceIds;
  private final Clock clock;
  private final SlidingWindowLimiter tenantLimiter =
      new SlidingWindowLimiter(6000, Duration.ofMinutes(1));
  private final Map<String, SlidingWindowLimiter> anonymousLimiters = new ConcurrentHashMap<>();

  CrowdStrikeRouter(
      List<Route> routes,
      TokenEndpoint tokenEndpoint,
      SimControlEndpoint simControl,
      TokenStore tokens,
      CrowdStrikeFaultPlan faults,
      TraceIds traceIds,
      Clock clock) {
    for (Route route : routes) {
      this.routes.put(route.method() + " " + route.path(), route);
      this.paths.add(route.path());
    }
    this.tokenEndpoint = tokenEndpoint;
    this.simControl = simControl;
    this.tokens = tokens;
    this.faults = faults;
    this.traceIds = traceIds;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) {
    HttpCall call = new HttpCall(exchange, traceIds.next());
    CallGuard.serve(
        exchange,
        () -> dispatch(call),
        call::responded,
        bug ->
            CrowdStrikeErrors.replyMetaOnly(
                call,
                500,
                CrowdStrikeErrors.GATEWAY,
                "Internal Server Error: Please provide trace-id='"
                    + call.traceId()
                    + "' to support"));
  }

  private void dispatch(HttpCall call) throws IOException {
    String path = call.path();
    if (path.startsWith("/_sim/")) {
      simControl.handle(call);
      return;
    }
    if (path.equals(TokenEndpoint.TOKEN) || path.equals(TokenEndpoint.REVOKE)) {
      if (!call.method().equals("POST")) {
        CrowdStrikeErrors.replyMetaOnly(call, 405, CrowdStrikeErrors.GATEWAY, "Method Not Allowed");
      } else if (path.equals(TokenEndpoint.TOKEN)) {
        tokenEndpoint.token(call);
      } else {
        tokenEndpoint.revoke(call);
      }
      return;
    }
    Route route = routes.get(call.method() + " " + path);
    if (route == null) {
      if (paths.contains(path)) {
        CrowdStrikeErrors.replyMetaOnly(call, 405, CrowdStrikeErrors.GATEWAY, "Method Not Allowed");
      } else {
        CrowdStrikeErrors.replyMetaOnly(call, 404, CrowdStrikeErrors.GATEWAY, "Not Found");
      }
      return;
    }
    CrowdStrikeFaultDecision fault =
        faults.forDataCall(
            call.method() + " " + path + "?" + call.rawQuery(), call.first("after").isPresent());
    if (applyFault(call, fault)) {
      return;
    }
    Instant now = clock.instant();
    Optional<TokenStore.Grant> grant = tokens.find(bearer(call), now);
    if (grant.isEmpty()) {
      SlidingWindowLimiter.Outcome anonymous =
          anonymousLimiters
              .computeIfAbsent(
                  call.remoteAddress(), a -> new SlidingWindowLimiter(15, Duration.ofMinutes(1)))
              .acquire(now);
      if (!anonymous.allowed()) {
        rateLimited(call, 15, anonymous.retryAfterEpochSecond());
        return;
      }
      call.header("X-RateLimit-Limit", "15");
      call.header("X-RateLimit-Remaining", Integer.toString(anonymous.remaining()));
      CrowdStrikeErrors.replyMetaOnly(
          call, 401, CrowdStrikeErrors.GATEWAY, "access denied, invalid bearer token");
      return;
    }
    SlidingWindowLimiter.Outcome rate = tenantLimiter.acquire(now);
    if (!rate.allowed()) {
      rateLimited(call, 6000, rate.retryAfterEpochSecond());
      return;
    }
    call.header("X-RateLimit-Limit", "6000");
    call.header("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
    if (!grant.get().scopes().contains(route.scope())) {
      CrowdStrikeErrors.replyMetaOnly(
          call, 403, CrowdStrikeErrors.GATEWAY, "access denied, scope not permitted");
      return;
    }
    route.endpoint().handle(call);
  }

  /** Applies an injected fault; true when the call has been answered (or dropped) by it. */
  private boolean applyFault(HttpCall call, CrowdStrikeFaultDecision fault) throws IOException {
    if (!CallGuard.delay(fault.delay())) {
      call.drop();
      return true;
    }
    switch (fault.kind()) {
      case DROP -> {
        call.drop();
        return true;
      }
      case DROP_MID_BODY -> {
        call.cutBody(HttpCall.Cut.DROP_MID_BODY);
        return false;
      }
      case TRUNCATE -> {
        call.cutBody(HttpCall.Cut.TRUNCATE);
        return false;
      }
      case RATE_LIMIT -> {
        rateLimited(call, 6000, clock.instant().getEpochSecond() + fault.retryAfterSeconds());
        return true;
      }
      case SERVER_ERROR -> {
        String message =
            fault.status() == 503
                ? "Service Unavailable: Please provide trace-id='" + call.traceId() + "' to support"
                : "Internal Server Error: Please provide trace-id='"
                    + call.traceId()
                    + "' to support";
        CrowdStrikeErrors.replyMetaOnly(call, fault.status(), CrowdStrikeErrors.GATEWAY, message);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** 429 with the retry moment in epoch seconds, which is what the real header carries. */
  private static void rateLimited(HttpCall call, int limit, long retryAfterEpochSecond)
      throws IOException {
    call.header("X-RateLimit-Limit", Integer.toString(limit));
    call.header("X-RateLimit-Remaining", "0");
    call.header("X-RateLimit-RetryAfter", Long.toString(retryAfterEpochSecond));
    CrowdStrikeErrors.replyMetaOnly(
        call, 429, CrowdStrikeErrors.GATEWAY, "API rate limit exceeded.");
  }

  private static String bearer(HttpCall call) {
    return call.requestHeader("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim())
        .orElse(null);
  }
}
