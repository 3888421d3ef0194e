package dev.sightline.connector.cortex;

import static dev.sightline.connector.cortex.FakeCortexXdr.GET_ENDPOINT;
import static dev.sightline.connector.cortex.FakeCortexXdr.endpoint;
import static dev.sightline.connector.cortex.FakeCortexXdr.endpointsBody;
import static dev.sightline.connector.cortex.FakeCortexXdr.error;
import static dev.sightline.connector.cortex.FakeCortexXdr.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.PermanentException;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.cortex.CortexXdrConfig.SecurityLevel;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CortexXdrRetryPolicyTest {

  private static final RawResponse ONE_PAGE = json(200, endpointsBody(List.of(endpoint("a1")), 1));

  @Test
  void shouldDoubleTheBackoffWithJitterUpToTheCapAfterServerErrorsAndDrops() {
    Harness h = new Harness();
    IOException reset = new IOException("Connection reset");
    for (int attempt = 1; attempt <= 10; attempt++) {
      long full = Math.min(500L << (attempt - 1), 60_000);
      assertThat(h.retry.waitMillis(attempt, reset)).isBetween(full / 2, full);
    }
  }

  @Test
  void shouldWaitAtLeastASecondAfterTooManyRequestsAndDoubleIt() {
    Harness h = new Harness();
    RetryableException limited =
        h.retry.transientFailure("x", error(500, "Too many requests.")).orElseThrow();

    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(h.retry.waitMillis(1, limited)).isBetween(1_000L, 1_250L);
    assertThat(h.retry.waitMillis(2, limited)).isBetween(2_000L, 2_250L);
    assertThat(h.retry.waitMillis(9, limited)).isBetween(60_000L, 60_250L);
  }

  @Test
  void shouldClassifyParallelQueryRefusalsRateLimitsAndServerErrorsAsTransient() {
    Harness h = new Harness();

    assertThat(
            h.retry.transientFailure(
                "q",
                error(
                    500,
                    "An error occurred while processing XDR public API - reached maximum allowed number of parallel running queries")))
        .hasValueSatisfying(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    assertThat(
            h.retry.transientFailure(
                "q", new RawResponse(429, FakeCortexXdr.headers(), new byte[0])))
        .hasValueSatisfying(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    assertThat(h.retry.transientFailure("q", error(503, "unavailable")))
        .hasValueSatisfying(e -> assertThat(e.retryAfter()).isZero());
    assertThat(h.retry.transientFailure("q", error(401, "Unauthorized access."))).isEmpty();
    assertThat(h.retry.transientFailure("q", error(403, "Forbidden access."))).isEmpty();
  }

  @Test
  void shouldRetryRateLimitsInVirtualTimeAndSignEveryAttemptAnew() throws InterruptedException {
    Harness h = new Harness(CortexXdrTuning.defaults(), SecurityLevel.ADVANCED);
    h.fake
        .on(GET_ENDPOINT, error(429, "Too many requests."))
        .on(GET_ENDPOINT, error(500, "Too many requests."))
        .on(GET_ENDPOINT, ONE_PAGE);

    assertThat(h.client.endpointsById(List.of("a1")).endpoints()).hasSize(1);

    assertThat(h.context.sleeps())
        .filteredOn(d -> d.compareTo(Duration.ofSeconds(1)) >= 0)
        .hasSize(2);
    assertThat(h.context.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(h.fake.sent(GET_ENDPOINT))
        .extracting(s -> s.request().headers().firstValue("x-xdr-nonce").orElseThrow())
        .doesNotHaveDuplicates()
        .hasSize(3);
  }

  @Test
  void shouldRetryDroppedConnectionsAndGiveUpAfterMaxAttemptsNamingTheHost() {
    Harness h =
        new Harness(
            CortexXdrTuning.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
            SecurityLevel.STANDARD);
    for (int i = 0; i < 3; i++) {
      h.fake.on(
          GET_ENDPOINT,
          (r, b) -> {
            throw new IOException("Connection reset");
          });
    }

    assertThatThrownBy(() -> h.client.endpointsById(List.of("a1")))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("api-acme.xdr.us.paloaltonetworks.com")
        .hasMessageContaining("after 3 attempts")
        .hasMessageNotContaining(Harness.KEY);
    assertThat(h.fake.sent(GET_ENDPOINT)).hasSize(3);
  }

  @Test
  void shouldGiveUpOnEndlessServerErrorsWithARetryableFailure() {
    Harness h =
        new Harness(
            CortexXdrTuning.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 4),
            SecurityLevel.STANDARD);
    h.fake.byDefault(GET_ENDPOINT, (r, b) -> error(500, "Internal server error"));

    assertThatThrownBy(() -> h.client.endpointsById(List.of("a1")))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("gave up after 4 attempts");
  }

  @Test
  void shouldHalveTheRequestBudgetOnTooManyRequestsAndNotOnOtherFailures()
      throws InterruptedException {
    Harness limited = new Harness();
    limited.fake.on(GET_ENDPOINT, new RawResponse(429, FakeCortexXdr.headers(), new byte[0]));
    limited.fake.byDefault(GET_ENDPOINT, (r, b) -> ONE_PAGE);
    Harness failing = new Harness();
    failing.fake.on(GET_ENDPOINT, error(500, "Internal server error"));
    failing.fake.byDefault(GET_ENDPOINT, (r, b) -> ONE_PAGE);

    limited.client.endpointsById(List.of("a1"));
    failing.client.endpointsById(List.of("a1"));

    assertThat(limited.budget.rate()).as("a second or so after the refusal").isEqualTo(4.0);
    assertThat(failing.budget.rate()).isEqualTo(8.0);
  }

  private static RawResponse cutShort(RawResponse whole) {
    byte[] body = whole.body();
    return new RawResponse(200, whole.headers(), java.util.Arrays.copyOf(body, body.length / 2));
  }

  @Test
  void shouldSendAgainWhenASuccessfulAnswersJsonWasCutShort() throws InterruptedException {
    Harness h = new Harness();
    h.fake.on(GET_ENDPOINT, cutShort(ONE_PAGE));
    h.fake.byDefault(GET_ENDPOINT, (r, b) -> ONE_PAGE);

    assertThat(h.client.endpointsById(List.of("a1")).endpoints()).hasSize(1);
    assertThat(h.fake.sent()).hasSize(2);
  }

  @Test
  void shouldGiveUpOnAnswersAlwaysCutShortNamingWhatHappened() {
    Harness h =
        new Harness(
            CortexXdrTuning.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
            SecurityLevel.STANDARD);
    h.fake.byDefault(GET_ENDPOINT, (r, b) -> cutShort(ONE_PAGE));

    assertThatThrownBy(() -> h.client.endpointsById(List.of("a1")))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("/public_api/v1/endpoints/get_endpoint was cut short")
        .hasMessageContaining("after 3 attempts");
    assertThat(h.fake.sent()).hasSize(3);
  }

  @Test
  void shouldNotSendAgainWhenASuccessfulAnswerIsNotJsonAtAll() {
    Harness h = new Harness();
    h.fake.byDefault(
        GET_ENDPOINT,
        (r, b) ->
            new RawResponse(
                200,
                FakeCortexXdr.headers(),
                "<html>Sign in</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> h.client.endpointsById(List.of("a1")))
        .isInstanceOf(dev.sightline.connector.ConnectorException.class);
    assertThat(h.fake.sent()).hasSize(1);
  }

  @Test
  void shouldSpaceRequestStartsByTheClientSideBudget() throws InterruptedException {
    Harness h = new Harness(); // the default budget, 8 requests per second
    List<java.time.Instant> starts = new java.util.ArrayList<>();
    h.fake.byDefault(
        GET_ENDPOINT,
        (r, b) -> {
          starts.add(h.context.clock().instant());
          return ONE_PAGE;
        });

    for (int i = 0; i < 12; i++) {
      h.client.endpointsById(List.of("a1"));
    }

    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(125));
    }
    for (int i = 10; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 10), starts.get(i)))
          .isGreaterThan(Duration.ofSeconds(1));
    }
  }
}
