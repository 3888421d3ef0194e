package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sightline.simulators.cortex.RolePermissions.Permission;
import dev.sightline.simulators.server.CallGuard;
import dev.sightline.simulators.server.FormEncoding;
import dev.sightline.simulators.server.RequestRate;
import dev.sightline.simulators.server.SimControl;
import dev.sightline.simulators.server.SlidingWindowLimiter;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatches every request through the public API's steps, in this order: an injected fault, the
 * tenant's 10-requests-per-second sliding window ("Too many requests.", HTTP 429), the API key
 * (401), the role (403), the JSON body (400), then the call itself (which answers 402 for a missing
 * licence and 500 for business errors). {@code /_sim/*} skips them all. Paths are accepted with or
 * without the trailing slash.
 */
final class CortexRouter implements HttpHandler {
  /** One public API call: what it needs and what answers it. */
  record Route(Permission permission, boolean startsQuery, Handler handler) {}

  @FunctionalInterface
  interface Handler {
    void handle(CortexCall call, JsonNode requestData) throws IOException;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int REQUESTS_PER_SECOND = 10;

  /**
   * {@code GET /_sim/request-rate?prefix=/public_api/v1/endpoints/}: how fast the calls under the
   * prefix (default {@code /public_api/}) arrived, {@link RequestRate}.
   */
  static final String REQUEST_RATE = "/_sim/request-rate";

  static final String API_PREFIX = "/public_api/";

  private final Map<String, Route> routes;
  private final SimControl control;
  private final CortexFaultPlan faults;
  private final ApiKeyAuthenticator authenticator;
  private final String role;
  private final Clock clock;
  private final java.util.function.Function<String, RequestRate> requestRate;
  private final SlidingWindowLimiter limiter =
      new SlidingWindowLimiter(REQUESTS_PER_SECOND, Duration.ofSeconds(1));

  CortexRouter(
      Map<String, Route> routes,
      SimControl control,
      CortexFaultPlan faults,
      ApiKeyAuthenticator authenticator,
      String role,
      Clock clock,
      java.util.function.Function<String, RequestRate> requestRate) {
    this.routes = Map.copyOf(routes);
    this.control = control;
    this.faults = faults;
    this.authenticator = authenticator;
    this.role = role;
    this.clock = clock;
    this.requestRate = requestRate;
  }

  @Override
  public void handle(HttpExchange exchange) {
    CortexCall call = new CortexCall(exchange);
    CallGuard.serve(
        exchange,
        () -> dispatch(call),
        call::responded,
        bug -> CortexErrors.business(call, "internal error", bug.getClass().getSimpleName()));
  }

  private void dispatch(CortexCall call) throws IOException {
    String path = call.path();
    if (path.equals(REQUEST_RATE) && call.method().equals("GET")) {
      String prefix =
          FormEncoding.decode(call.rawQuery())
              .getOrDefault("prefix", java.util.List.of(API_PREFIX))
              .get(0);
      call.send(
          200, "application/json", MAPPER.writeValueAsBytes(requestRate.apply(prefix).toJson()));
      return;
    }
    if (path.startsWith(SimControl.PREFIX)) {
      SimControl.Reply reply = control.handle(call.method(), path, call.rawQuery());
      call.send(reply.status(), "application/json", reply.bytes());
      return;
    }
    Route route = routes.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    if (route == null) {
      CortexErrors.send(
          call,
          404,
          "Not Found",
          "no public API at " + path + "; check the URL (https://api-<fqdn>)");
      return;
    }
    if (!call.method().equals("POST")) {
      CortexErrors.send(call, 405, "Method Not Allowed", "public API calls are POST");
      return;
    }
    byte[] body = call.body();
    if (applyFault(call, faults.forCall(path + " " + digest(body), route.startsQuery()))) {
      return;
    }
    if (!limiter.acquire(clock.instant()).allowed()) {
      CortexErrors.send(
          call,
          429,
          CortexErrors.TOO_MANY,
          "at most " + REQUESTS_PER_SECOND + " API requests per second per tenant");
      return;
    }
    Optional<String> refusal = authenticator.refusal(call::header);
    if (refusal.isPresent()) {
      CortexErrors.send(call, 401, CortexErrors.UNAUTHORIZED, refusal.get());
      return;
    }
    if (!RolePermissions.allows(role, route.permission())) {
      CortexErrors.send(
          call,
          403,
          CortexErrors.FORBIDDEN,
          "the role '"
              + role
              + "' lacks the "
              + route.permission().name().toLowerCase(Locale.ROOT)
              + " permission");
      return;
    }
    JsonNode requestData;
    try {
      JsonNode json = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
      requestData = json == null ? null : json.get("request_data");
    } catch (JsonProcessingException e) {
      CortexErrors.send(call, 400, CortexErrors.BAD_REQUEST, e.getOriginalMessage());
      return;
    }
    try {
      route
          .handler()
          .handle(call, requestData == null || requestData.isNull() ? null : requestData);
    } catch (InvalidRequestData e) {
      CortexErrors.business(call, e.reason(), e.getMessage());
    }
  }

  /** Applies an injected fault; true when the call has been answered (or dropped) by it. */
  private boolean applyFault(CortexCall call, CortexFaultDecision fault) throws IOException {
    if (!CallGuard.delay(fault.delay())) {
      call.drop();
      return true;
    }
    switch (fault.kind()) {
      case DROP -> call.drop();
      case TOO_MANY ->
          CortexErrors.send(
              call,
              429,
              CortexErrors.TOO_MANY,
              "at most " + REQUESTS_PER_SECOND + " API requests per second per tenant");
      case SERVER_ERROR ->
          CortexErrors.send(
              call,
              fault.status(),
              fault.status() == 503
                  ? "Service Unavailable"
                  : CortexErrors.PROCESSING + " - internal error, please try again later",
              "injected fault");
      case CUT_BODY, TRUNCATE_JSON -> {
        call.spoilNextReply(fault.kind());
        return false;
      }
      case PARALLEL ->
          CortexErrors.send(
              call,
              500,
              CortexErrors.PARALLEL,
              "at most "
                  + XqlQueries.MAX_PARALLEL
                  + " queries run in parallel; get the results of a running query, then retry");
      default -> {
        return false;
      }
    }
    return true;
  }

  private static String digest(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
