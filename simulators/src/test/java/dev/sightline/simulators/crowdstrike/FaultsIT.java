package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsIT {
  private static final Instant NOW = Instant.parse("2025-05-05T10:00:00Z");
  private static final String FILTER = "status:!'closed'";

  private static CrowdStrikeSimulator start(String faults) {
    return CrowdStrikeSimulator.start(
        CrowdStrikeSimulatorOptions.defaults(20)
            .withClock(new MutableClock(NOW))
            .withFaultSpec(faults));
  }

  @Test
  void shouldAnswer429WithTheRetryMomentInEpochSeconds() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.faults().rateLimitNext(2, 7);

      SimClient.Response first = client.get(SpotlightEndpoint.PATH, "filter", FILTER);
      SimClient.Response second = client.get(SpotlightEndpoint.PATH, "filter", FILTER);
      SimClient.Response third = client.get(SpotlightEndpoint.PATH, "filter", FILTER);

      assertThat(first.status()).isEqualTo(429);
      assertThat(first.header("X-RateLimit-RetryAfter"))
          .contains(String.valueOf(NOW.getEpochSecond() + 7));
      assertThat(first.header("X-RateLimit-Remaining")).contains("0");
      assertThat(first.body().at("/errors/0/code").asInt()).isEqualTo(429);
      assertThat(first.body().at("/meta/trace_id").asText()).isNotEmpty();
      assertThat(second.status()).isEqualTo(429);
      assertThat(third.status()).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswerServerErrorsWithTheTraceIdMessage() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.faults().serverErrorNext(2);

      SimClient.Response first = client.get(SpotlightEndpoint.PATH, "filter", FILTER);
      SimClient.Response second = client.get(SpotlightEndpoint.PATH, "filter", FILTER);

      assertThat(first.status()).isEqualTo(500);
      assertThat(first.body().at("/errors/0/message").asText())
          .isEqualTo(
              "Internal Server Error: Please provide trace-id='"
                  + first.header("X-CS-TRACEID").orElseThrow()
                  + "' to support");
      assertThat(second.status()).isEqualTo(503);
      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldDropTheConnectionWithoutAResponse() {
    try (CrowdStrikeSimulator simulator = start("")) {
      new SimClient(simulator).authenticate();
      simulator.faults().dropConnectionNext(1);
      SimClient fresh = new SimClient(simulator);

      assertThatThrownBy(
              () -> fresh.postJson(DevicesEndpoint.PATH, SimClient.MAPPER.createObjectNode()))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(simulator.requests().entries(DevicesEndpoint.PATH))
          .extracting(RequestLog.Entry::status)
          .containsExactly(0);
    }
  }

  @Test
  void shouldAnswerSlowCallsNormally() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.faults().slowNext(1, Duration.ofMillis(20));

      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldInvalidateEveryTokenOnDemand() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.faults().expireAllTokens();

      SimClient.Response response = client.get(SpotlightEndpoint.PATH, "filter", FILTER);

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("X-RateLimit-Limit")).contains("15");
      assertThat(response.body().at("/errors/0/message").asText())
          .isEqualTo("access denied, invalid bearer token");
      assertThat(client.authenticate().get(SpotlightEndpoint.PATH, "filter", FILTER).status())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldBreakOneRecordOfTheNextPage() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      simulator.faults().malformedRecordNext(1);

      SimClient.Response broken =
          client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "50");
      SimClient.Response clean =
          client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "50");

      assertThat(countMalformed(broken.resources())).isEqualTo(1);
      assertThat(countMalformed(clean.resources())).isZero();
      assertThat(broken.resources()).hasSize(clean.resources().size());
    }
  }

  @Test
  void shouldNeverFailOneRequestThreeTimesInARow() {
    try (CrowdStrikeSimulator simulator = start("429:25%,5xx:15%,drop:10%")) {
      SimClient client = new SimClient(simulator).authenticate();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        try {
          statuses.add(client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "3").status());
        } catch (UncheckedIOException dropped) {
          statuses.add(0);
        }
      }
      int run = 0;
      int failures = 0;
      for (int status : statuses) {
        run = status == 200 ? 0 : run + 1;
        failures += status == 200 ? 0 : 1;
        assertThat(run).as("consecutive failures in %s", statuses).isLessThan(3);
      }
      assertThat(failures).isPositive();
      assertThat(statuses).contains(429, 500, 200);
    }
  }

  @Test
  void shouldKillTokensEveryNCallsWhenAsked() {
    try (CrowdStrikeSimulator simulator = start("token-expiry:3")) {
      SimClient client = new SimClient(simulator).authenticate();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statuses.add(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status());
      }
      assertThat(statuses).containsExactly(200, 200, 401);
      assertThat(simulator.manifest().get("faults").asText()).isEqualTo("token-expiry:3");
    }
  }

  @Test
  void shouldShortenTokenLifetimeWhenAsked() {
    MutableClock clock = new MutableClock(NOW);
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(10)
                .withClock(clock)
                .withFaultSpec("token-expiry:60s"))) {
      SimClient client = new SimClient(simulator).authenticate();
      clock.advance(Duration.ofSeconds(59));
      int before = client.get(SpotlightEndpoint.PATH, "filter", FILTER).status();
      clock.advance(Duration.ofSeconds(1));
      int after = client.get(SpotlightEndpoint.PATH, "filter", FILTER).status();

      assertThat(before).isEqualTo(200);
      assertThat(after).isEqualTo(401);
    }
  }

  @Test
  void shouldFailTokenCallsOnlyWhenAskedTo() {
    try (CrowdStrikeSimulator simulator = start("429:50%")) {
      SimClient client = new SimClient(simulator);
      for (int i = 0; i < 10; i++) {
        assertThat(client.token("client_id=sim-client&client_secret=sim-secret").status())
            .isEqualTo(201);
      }
      simulator.faults().tokenRateLimitNext(1, 3);
      SimClient.Response limited = client.token("client_id=sim-client&client_secret=sim-secret");

      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("X-RateLimit-RetryAfter"))
          .contains(String.valueOf(NOW.getEpochSecond() + 3));
    }
  }

  private static int countMalformed(JsonNode records) {
    int n = 0;
    for (JsonNode r : records) {
      boolean broken = !r.has("aid") || !r.has("status") || !r.get("updated_timestamp").isTextual();
      n += broken ? 1 : 0;
    }
    return n;
  }

  @Test
  void shouldCutTheJsonBodyInHalfBehindACompleteAnswer() throws Exception {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      String whole = client.getRaw(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "5").body();
      simulator.faults().truncateNext(1);

      var cut = client.getRaw(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "5");

      assertThat(cut.statusCode()).isEqualTo(200);
      assertThat(cut.headers().firstValueAsLong("Content-Length")).hasValue(cut.body().length());
      assertThat(cut.body().length()).isEqualTo(whole.length() / 2);
      assertThatThrownBy(() -> SimClient.MAPPER.readTree(cut.body()))
          .isInstanceOf(java.io.IOException.class);
      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "5").resources())
          .hasSize(5);
    }
  }

  @Test
  void shouldCloseTheConnectionHalfwayThroughTheBody() throws Exception {
    try (CrowdStrikeSimulator simulator = start("drop-mid-body:1@2")) {
      SimClient client = new SimClient(simulator).authenticate();
      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(200);

      assertThatThrownBy(() -> client.getRaw(SpotlightEndpoint.PATH, "filter", FILTER))
          .isInstanceOf(java.io.IOException.class);
      assertThat(simulator.requests().entries(SpotlightEndpoint.PATH))
          .extracting(RequestLog.Entry::status)
          .as("the headers went out before the connection closed")
          .containsExactly(200, 200);
      assertThat(client.get(SpotlightEndpoint.PATH, "filter", FILTER).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldExpireAnAfterCursorOnDemandButNotAFreshQuery() {
    try (CrowdStrikeSimulator simulator = start("")) {
      SimClient client = new SimClient(simulator).authenticate();
      SimClient.Response first = client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "3");
      simulator.faults().expireCursorsNext(1);

      SimClient.Response late =
          client.get(
              SpotlightEndpoint.PATH, "filter", FILTER, "limit", "3", "after", first.after());
      SimClient.Response again = client.get(SpotlightEndpoint.PATH, "filter", FILTER, "limit", "3");
      SimClient.Response next =
          client.get(
              SpotlightEndpoint.PATH, "filter", FILTER, "limit", "3", "after", again.after());

      assertThat(late.status()).isEqualTo(404);
      assertThat(late.body().at("/errors/0/message").asText())
          .isEqualTo("Search context expired, 'after' key no longer valid");
      assertThat(again.status()).as("a query without a cursor is not affected").isEqualTo(200);
      assertThat(next.status()).as("the expiry was for one call").isEqualTo(200);
    }
  }

  @Test
  void shouldAnswerAStormOf429sToExactlyItsCalls() {
    try (CrowdStrikeSimulator simulator = start("429-storm:3@2")) {
      SimClient client = new SimClient(simulator).authenticate();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        SimClient.Response r = client.get(SpotlightEndpoint.PATH, "filter", FILTER);
        statuses.add(r.status());
        if (r.status() == 429) {
          assertThat(r.header("X-RateLimit-RetryAfter"))
              .contains(String.valueOf(NOW.getEpochSecond() + 1));
        }
      }

      assertThat(statuses).containsExactly(200, 429, 429, 429, 200);
    }
  }
}
