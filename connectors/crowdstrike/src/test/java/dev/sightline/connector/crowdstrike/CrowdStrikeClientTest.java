package dev.sightline.connector.crowdstrike;

import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.error;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.page;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.response;
import static dev.sightline.connector.crowdstrike.FakeCrowdStrike.vulnerability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.SearchContextExpiredException;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.QueryPage;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrowdStrikeClientTest {

  private static final String VULNS = CrowdStrikeStream.VULNERABILITIES.path();
  private static final Query FIRST =
      new Query("updated_timestamp:>='1970-01-01T00:00:00Z'", "updated_timestamp|asc", 2, "");

  private final Harness harness = new Harness();

  @Test
  void shouldReadAPageWithItsCursorAndTotal() throws InterruptedException {
    harness.fake.on(VULNS, page(List.of(vulnerability("a", "2024-01-01T00:00:00Z")), "next==", 7));

    QueryPage page = harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(page.resources()).hasSize(1);
    assertThat(page.after()).isEqualTo("next==");
    assertThat(page.total()).isEqualTo(7);
    assertThat(FakeCrowdStrike.bearer(harness.fake.dataRequests().get(0)))
        .isEqualTo("Bearer token-1");
  }

  @Test
  void shouldRefreshTheTokenOnceOnA401AndRetry() throws InterruptedException {
    harness
        .fake
        .on(VULNS, error(401, "access denied, invalid bearer token"))
        .on(VULNS, page(List.of(), "", 0));

    harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(harness.fake.dataRequests())
        .extracting(FakeCrowdStrike::bearer)
        .containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void shouldFailNamingCauseAndFixWhenTheTokenIsRejectedTwice() {
    harness
        .fake
        .on(VULNS, error(401, "access denied, invalid bearer token"))
        .on(VULNS, error(401, "access denied, invalid bearer token"));

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(PermanentException.class)
        .hasMessageStartingWith("CrowdStrike rejected the access token twice")
        .hasMessageContaining("region")
        .hasMessageNotContaining("token-1")
        .hasMessageNotContaining("token-2");
    assertThat(harness.fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void shouldNameTheMissingScopeOfTheEndpoint() {
    harness.fake.on(VULNS, error(403, "access denied, scope not permitted"));
    harness.fake.on(
        CrowdStrikeStream.HOSTS.path(), error(403, "access denied, scope not permitted"));

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("lacks the 'Vulnerabilities: Read' scope")
        .hasMessageContaining("grant 'Vulnerabilities: Read'");
    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.HOSTS, FIRST))
        .hasMessageContaining("'Assets: Read'");
  }

  @Test
  void shouldSignalAnExpiredSearchContext() {
    harness.fake.on(VULNS, error(404, "Search context expired, 'after' key no longer valid"));

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(SearchContextExpiredException.class);
  }

  @Test
  void shouldAskAgainWhenAPageArrivesCutOffAndReadTheWholeOne() throws InterruptedException {
    byte[] whole =
        FakeCrowdStrike.page(List.of(vulnerability("v1", "2024-05-01T00:00:00Z")), "", 1).body();
    harness
        .fake
        .on(VULNS, response(200, java.util.Arrays.copyOf(whole, whole.length / 2)))
        .on(VULNS, response(200, whole));

    QueryPage page = harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(page.resources()).extracting(r -> r.path("id").asText()).containsExactly("v1");
    assertThat(harness.fake.dataRequests()).hasSize(2);
    assertThat(harness.context.sleeps()).hasSize(1);
  }

  @Test
  void shouldGiveUpOnBodiesThatAreNeverWholeJsonNamingStatusAndTraceIdButNotTheBody() {
    for (int i = 0; i < harness.tuning.maxAttempts(); i++) {
      harness.fake.on(
          VULNS, response(200, "<html>token=abc</html>".getBytes(StandardCharsets.UTF_8)));
    }

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("HTTP 200")
        .hasMessageContaining("not a whole JSON object")
        .hasMessageContaining("trace-200")
        .hasMessageContaining("gave up after 8 attempts")
        .hasMessageNotContaining("token=abc");
  }

  @Test
  void shouldReportErrorsInASuccessfulAnswer() {
    harness.fake.on(
        VULNS,
        r -> {
          var body = CrowdStrikeWire.JSON.createObjectNode();
          body.putArray("resources");
          body.putArray("errors").addObject().put("code", 500).put("message", "partial failure");
          return FakeCrowdStrike.json(200, body);
        });

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("partial failure");
  }

  @Test
  void shouldWaitUntilTheVendorsRetryAfterSecondPlusTheMarginOnA429() throws InterruptedException {
    long resetAt = Harness.START.getEpochSecond() + 30;
    harness
        .fake
        .on(
            VULNS,
            error(429, "API rate limit exceeded", "X-RateLimit-RetryAfter", Long.toString(resetAt)))
        .on(VULNS, page(List.of(), "", 0));

    harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    Duration waited = harness.context.sleeps().get(0);
    assertThat(waited).isBetween(Duration.ofSeconds(31), Duration.ofSeconds(31).plusMillis(250));
  }

  @Test
  void shouldBackOffAndRetryServerErrorsAndDroppedConnections() throws InterruptedException {
    harness
        .fake
        .on(VULNS, error(503, "unavailable"))
        .on(
            VULNS,
            r -> {
              throw new IOException("Connection reset");
            })
        .on(VULNS, page(List.of(), "", 0));

    harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(harness.context.sleeps()).hasSize(2);
    assertThat(harness.context.sleeps().get(0))
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(harness.context.sleeps().get(1))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void shouldGiveUpOnServerErrorsAfterTheLastAttemptAsRetryable() {
    for (int i = 0; i < harness.tuning.maxAttempts(); i++) {
      harness.fake.on(
          VULNS, error(500, "Internal Server Error: Please provide trace-id='x' to support"));
    }

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("gave up after 8 attempts");
    assertThat(harness.context.sleeps()).hasSize(harness.tuning.maxAttempts() - 1);
  }

  @Test
  void shouldGiveUpOnAnswersThatAlwaysEndMidBodyNamingTheHostAndTheAttempts() {
    for (int i = 0; i < harness.tuning.maxAttempts(); i++) {
      harness.fake.on(
          VULNS,
          r -> {
            // What java.net.http says when the connection closes before the Content-Length.
            throw new IOException("fixed content-length: 5120, bytes received: 2560");
          });
    }

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("api.us-2.crowdstrike.com kept failing")
        .hasMessageContaining("bytes received")
        .hasMessageContaining("after 8 attempts");
    assertThat(harness.fake.dataRequests()).hasSize(harness.tuning.maxAttempts());
  }

  @Test
  void shouldAskAgainWhenAPageTakesLongerThanTheRequestTimeout() throws InterruptedException {
    harness
        .fake
        .on(
            VULNS,
            r -> {
              throw new java.net.http.HttpTimeoutException("request timed out");
            })
        .on(VULNS, page(List.of(vulnerability("v1", "2024-05-01T00:00:00Z")), "", 1));

    QueryPage page = harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(page.resources()).hasSize(1);
    assertThat(harness.fake.dataRequests()).hasSize(2);
  }

  @Test
  void shouldFailAtOnceNamingTheHostWhenTheConnectionIsRefused() {
    harness.fake.on(
        VULNS,
        r -> {
          throw new ConnectException("Connection refused");
        });

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("api.us-2.crowdstrike.com")
        .hasMessageContaining("To fix:")
        .hasMessageNotContaining("filter");
    assertThat(harness.context.sleeps()).isEmpty();
  }

  @Test
  void shouldExplainARegionRedirect() {
    harness.fake.on(
        VULNS,
        response(
            308,
            new byte[0],
            "Location",
            "https://api.eu-1.crowdstrike.com/spotlight/combined/vulnerabilities/v1?filter=x",
            "X-CS-Region",
            "eu-1"));

    assertThatThrownBy(() -> harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("api.eu-1.crowdstrike.com (region eu-1)")
        .hasMessageNotContaining("filter=x");
  }

  @Test
  void shouldSlowDownWhenTheRateLimitBudgetIsNearlySpent() throws InterruptedException {
    harness
        .fake
        .on(
            VULNS,
            r -> {
              var body = CrowdStrikeWire.JSON.createObjectNode();
              body.putArray("resources");
              return FakeCrowdStrike.json(200, body, "X-RateLimit-Remaining", "4");
            })
        .on(VULNS, page(List.of(), "", 0));

    harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);
    harness.client.query(CrowdStrikeStream.VULNERABILITIES, FIRST);

    assertThat(harness.context.sleeps()).containsExactly(Duration.ofMillis(500));
  }
}
