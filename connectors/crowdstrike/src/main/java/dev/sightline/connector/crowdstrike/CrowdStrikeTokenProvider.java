package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.crowdstrike.CrowdStrikeTransport.RawResponse;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.TokenGrant;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client-credentials tokens for one connection ({@code POST /oauth2/token}, answered 201
 * with {@code expires_in} 1799). A token is reused until less than the refresh margin remains
 * (PSFalcon's 240 s), measured on the context's clock. Thread-safe.
 */
final class CrowdStrikeTokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(CrowdStrikeTokenProvider.class);
  private static final String PATH = "/oauth2/token";
  private static final long DOCUMENTED_LIFETIME_SECONDS = 1799;

  private final CrowdStrikeConfig config;
  private final CrowdStrikeTransport transport;
  private final CrowdStrikeRetryPolicy retry;
  private final CrowdStrikeFailures failures;
  private final Clock clock;
  private final CrowdStrikeTuning tuning;
  private AccessToken current;

  CrowdStrikeTokenProvider(
      CrowdStrikeConfig config,
      CrowdStrikeTransport transport,
      CrowdStrikeRetryPolicy retry,
      Clock clock,
      CrowdStrikeTuning tuning) {
    this.config = config;
    this.transport = transport;
    this.retry = retry;
    this.failures = new CrowdStrikeFailures(config);
    this.clock = clock;
    this.tuning = tuning;
  }

  /** A token with more than the refresh margin left, issuing a new one when needed. */
  synchronized String token() throws InterruptedException {
    if (current == null || !clock.instant().isBefore(current.refreshAt())) {
      current = issue();
    }
    return current.value();
  }

  /** Forgets {@code rejected} (answered 401), so the next {@link #token} issues a new one. */
  synchronized void invalidate(String rejected) {
    if (current != null && current.value().equals(rejected)) {
      current = null;
    }
  }

  /** Issues a new token now; Test Connection uses it to prove the credentials. */
  synchronized void refresh() throws InterruptedException {
    current = issue();
  }

  private AccessToken issue() throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(config.resolve(PATH, ""))
            .timeout(tuning.requestTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form()))
            .build();
    RawResponse response;
    try {
      response = retry.execute("the token request " + PATH, () -> transport.send(request));
    } catch (IOException e) {
      throw failures.unreachable(e, retry.maxAttempts());
    }
    return accept(response);
  }

  private AccessToken accept(RawResponse response) {
    int status = response.status();
    if (status == 400 || status == 401 || status == 403) {
      throw failures.badCredentials(response);
    }
    if (status >= 300 && status < 400) {
      throw failures.redirected(response);
    }
    if (!response.ok()) {
      throw failures.unexpected("the token request " + PATH, response);
    }
    TokenGrant grant =
        CrowdStrikeWire.tree(response)
            .flatMap(CrowdStrikeWire::tokenGrant)
            .orElseThrow(() -> failures.unexpected("the token request " + PATH, response));
    long lifetime =
        grant.expiresInSeconds() > 0 ? grant.expiresInSeconds() : DOCUMENTED_LIFETIME_SECONDS;
    Instant refreshAt = clock.instant().plusSeconds(lifetime).minus(refreshMargin(lifetime));
    LOG.debug("Issued a CrowdStrike access token for {} valid {} s", config.hostLabel(), lifetime);
    return new AccessToken(grant.accessToken(), refreshAt);
  }

  /** The configured margin, but never more than half a (short-lived) token's life. */
  private Duration refreshMargin(long lifetimeSeconds) {
    Duration half = Duration.ofSeconds(lifetimeSeconds / 2);
    return tuning.tokenRefreshMargin().compareTo(half) > 0 ? half : tuning.tokenRefreshMargin();
  }

  private String form() {
    StringBuilder form =
        new StringBuilder()
            .append("client_id=")
            .append(encode(config.clientId()))
            .append("&client_secret=")
            .append(encode(config.clientSecret()));
    config.member().ifPresent(cid -> form.append("&member_cid=").append(encode(cid)));
    return form.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An issued token and when to replace it; {@link #toString} hides the value. */
  private record AccessToken(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "AccessToken[****, refreshAt=" + refreshAt + "]";
    }
  }
}
