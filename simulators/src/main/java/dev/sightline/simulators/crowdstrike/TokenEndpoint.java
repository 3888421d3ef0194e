package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.server.SlidingWindowLimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code POST /oauth2/token} (201, {@code expires_in} 1799; 400 for a malformed client id, 403
 * {@code Failed to issue access token - Not Authorized} for bad credentials) and {@code POST
 * /oauth2/revoke}. Credentials come from the form body or, as the spec also allows, an HTTP Basic
 * header. The endpoint has its own 300-per-minute bucket per client address.
 */
final class TokenEndpoint {
  static final String TOKEN = "/oauth2/token";
  static final String REVOKE = "/oauth2/revoke";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final CrowdStrikeSimulatorOptions options;
  private final String cid;
  private final TokenStore tokens;
  private final CrowdStrikeFaultPlan faults;
  private final Clock clock;
  private final Map<String, SlidingWindowLimiter> limiters = new ConcurrentHashMap<>();

  TokenEndpoint(
      CrowdStrikeSimulatorOptions options,
      String cid,
      TokenStore tokens,
      CrowdStrikeFaultPlan faults) {
    this.options = options;
    this.cid = cid;
    this.tokens = tokens;
    this.faults = faults;
    this.clock = options.clock();
  }

  void token(HttpCall call) throws IOException {
    Instant now = clock.instant();
    CrowdStrikeFaultDecision fault = faults.forTokenCall();
    SlidingWindowLimiter.Outcome rate = limiter(call).acquire(now);
    if (fault.kind() == CrowdStrikeFaultDecision.Kind.RATE_LIMIT || !rate.allowed()) {
      long retryAfter =
          rate.allowed()
              ? now.getEpochSecond() + fault.retryAfterSeconds()
              : rate.retryAfterEpochSecond();
      call.header("X-RateLimit-Limit", "300");
      call.header("X-RateLimit-Remaining", "0");
      call.header("X-RateLimit-RetryAfter", Long.toString(retryAfter));
      CrowdStrikeErrors.replyMetaOnly(
          call, 429, CrowdStrikeErrors.OAUTH, "API rate limit exceeded.");
      return;
    }
    call.header("X-RateLimit-Limit", "300");
    call.header("X-RateLimit-Remaining", Integer.toString(rate.remaining()));
    if (fault.kind() == CrowdStrikeFaultDecision.Kind.SERVER_ERROR) {
      CrowdStrikeErrors.replyMetaOnly(
          call,
          500,
          CrowdStrikeErrors.OAUTH,
          "Internal Server Error: Please provide trace-id='" + call.traceId() + "' to support");
      return;
    }
    Map<String, List<String>> form =
        HttpCall.decodeForm(new String(call.body(), StandardCharsets.UTF_8));
    Optional<String[]> basic = basicCredentials(call);
    String clientId = first(form, "client_id").orElse(basic.map(b -> b[0]).orElse(""));
    String secret = first(form, "client_secret").orElse(basic.map(b -> b[1]).orElse(""));
    if (!CLIENT_ID.matcher(clientId).matches()) {
      CrowdStrikeErrors.replyMetaOnly(
          call,
          400,
          CrowdStrikeErrors.OAUTH,
          "Failed to generate access token for clientID=" + clientId + ".");
      return;
    }
    Optional<String> memberCid = first(form, "member_cid").filter(s -> !s.isBlank());
    boolean memberOk = memberCid.map(m -> m.toLowerCase(Locale.ROOT).equals(cid)).orElse(true);
    if (!clientId.equals(options.clientId())
        || !secret.equals(options.clientSecret())
        || !memberOk) {
      CrowdStrikeErrors.replyMetaOnly(
          call, 403, CrowdStrikeErrors.OAUTH, "Failed to issue access token - Not Authorized");
      return;
    }
    String token = tokens.issue(clientId, options.scopes(), now, faults.tokenLifetime());
    call.header("X-CS-Region", "us-1");
    call.respond(
        201,
        g -> {
          g.writeStartObject();
          g.writeStringField("access_token", token);
          g.writeNumberField("expires_in", TokenStore.LIFETIME.toSeconds());
          g.writeStringField("token_type", "bearer");
          g.writeEndObject();
        });
  }

  void revoke(HttpCall call) throws IOException {
    Optional<String[]> basic = basicCredentials(call);
    if (basic.isEmpty()
        || !basic.get()[0].equals(options.clientId())
        || !basic.get()[1].equals(options.clientSecret())) {
      CrowdStrikeErrors.replyMetaOnly(
          call, 403, CrowdStrikeErrors.OAUTH, "access denied, authorization failed");
      return;
    }
    Map<String, List<String>> form =
        HttpCall.decodeForm(new String(call.body(), StandardCharsets.UTF_8));
    Optional<String> token = first(form, "token");
    if (token.isEmpty()) {
      CrowdStrikeErrors.replyMetaOnly(call, 400, CrowdStrikeErrors.OAUTH, "'token' is required");
      return;
    }
    tokens.revoke(token.get());
    call.respond(
        200,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(g, call, CrowdStrikeErrors.OAUTH, null);
          CrowdStrikeErrors.noErrors(g);
          g.writeEndObject();
        });
  }

  private SlidingWindowLimiter limiter(HttpCall call) {
    return limiters.computeIfAbsent(
        call.remoteAddress(), a -> new SlidingWindowLimiter(300, Duration.ofMinutes(1)));
  }

  private static Optional<String> first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Optional<String[]> basicCredentials(HttpCall call) {
    return call.requestHeader("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
        .flatMap(
            h -> {
              try {
                String decoded =
                    new String(
                        Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0
                    ? Optional.empty()
                    : Optional.of(
                        new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }
}
