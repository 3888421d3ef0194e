package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.simulators.server.RequestLog;
import dev.sightline.simulators.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 10-per-second tenant limit and injected faults. */
class CortexLimitsIT {
  private static final Instant NOW = Instant.parse("2025-05-05T10:00:00Z");
  private static final String PAGE =
      CortexClient.requestData("search_from", 0, "search_to", 3).toString();

  private static CortexXdrSimulator start(String faults) {
    return CortexXdrSimulator.start(
        CortexXdrSimulatorOptions.defaults(10)
            .withClock(new MutableClock(NOW))
            .withFaultSpec(faults));
  }

  /** Sends requests at one instant, bypassing the client's pacing. */
  private static int rawStatus(CortexXdrSimulator simulator, HttpClient http) {
    try {
      return http.send(
              HttpRequest.newBuilder(simulator.baseUrl().resolve(EndpointsApi.GET_ENDPOINT))
                  .header("Authorization", simulator.options().key())
                  .header("x-xdr-auth-id", "7")
                  .POST(HttpRequest.BodyPublishers.ofString(PAGE))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldAdmitTenRequestsPerSecondAndAnswerTooManyRequestsBeyond() {
    MutableClock clock = new MutableClock(NOW);
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(CortexXdrSimulatorOptions.defaults(10).withClock(clock))) {
      HttpClient http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();
      List<Integer> sameSecond = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        sameSecond.add(rawStatus(simulator, http));
      }
      clock.advance(Duration.ofMillis(999));
      int stillLimited = rawStatus(simulator, http);
      clock.advance(Duration.ofMillis(1));
      int nextSecond = rawStatus(simulator, http);
      for (int i = 0; i < 10; i++) {
        rawStatus(simulator, http);
      }
      CortexClient.Response limited =
          new CortexClient(simulator)
              .send(
                  HttpRequest.newBuilder(simulator.baseUrl().resolve(EndpointsApi.GET_ENDPOINT))
                      .header("Authorization", simulator.options().key())
                      .header("x-xdr-auth-id", "7")
                      .POST(HttpRequest.BodyPublishers.ofString(PAGE))
                      .build());

      assertThat(sameSecond.subList(0, 10)).containsOnly(200);
      assertThat(sameSecond.get(10)).isEqualTo(429);
      assertThat(stillLimited).isEqualTo(429);
      assertThat(nextSecond).isEqualTo(200);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.reply().get("err_msg").asText()).isEqualTo("Too many requests.");
      assertThat(limited.reply().get("err_code").asInt()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEmpty();
      assertThat(limited.header("X-RateLimit-Limit")).isEmpty();
    }
  }

  @Test
  void shouldServeArmedFaultsInOrder() {
    try (CortexXdrSimulator simulator = start("")) {
      CortexClient client = new CortexClient(simulator);
      simulator.faults().tooManyRequestsNext(1);
      simulator.faults().serverErrorNext(2);

      CortexClient.Response tooMany = client.post(EndpointsApi.GET_ENDPOINT, PAGE);
      CortexClient.Response first = client.post(EndpointsApi.GET_ENDPOINT, PAGE);
      CortexClient.Response second = client.post(EndpointsApi.GET_ENDPOINT, PAGE);
      CortexClient.Response ok = client.post(EndpointsApi.GET_ENDPOINT, PAGE);

      assertThat(tooMany.status()).isEqualTo(429);
      assertThat(tooMany.reply().get("err_msg").asText()).isEqualTo("Too many requests.");
      assertThat(first.status()).isEqualTo(500);
      assertThat(first.reply().get("err_code").asInt()).isEqualTo(500);
      assertThat(second.status()).isEqualTo(503);
      assertThat(ok.status()).isEqualTo(200);
    }
  }

  @Test
  void shouldDropTheConnectionWithoutAResponse() {
    try (CortexXdrSimulator simulator = start("")) {
      simulator.faults().dropConnectionNext(1);

      assertThatThrownBy(() -> new CortexClient(simulator).post(EndpointsApi.GET_ENDPOINT, PAGE))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(simulator.requests().entries(EndpointsApi.GET_ENDPOINT))
          .extracting(RequestLog.Entry::status)
          .containsExactly(0);
    }
  }

  private static HttpResponse<byte[]> rawPage(CortexXdrSimulator simulator) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();
    return http.send(
        HttpRequest.newBuilder(simulator.baseUrl().resolve(EndpointsApi.GET_ENDPOINT))
            .header("Authorization", simulator.options().key())
            .header("x-xdr-auth-id", simulator.options().keyId())
            .POST(HttpRequest.BodyPublishers.ofString(PAGE))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void shouldCloseTheConnectionHalfwayThroughACutBody() throws Exception {
    try (CortexXdrSimulator simulator = start("")) {
      simulator.faults().cutBodyNext(1);

      assertThatThrownBy(() -> rawPage(simulator)).isInstanceOf(IOException.class);
      assertThat(rawPage(simulator).statusCode()).as("only the armed reply is cut").isEqualTo(200);
      assertThat(simulator.requests().entries(EndpointsApi.GET_ENDPOINT))
          .extracting(RequestLog.Entry::status)
          .containsExactly(200, 200);
    }
  }

  @Test
  void shouldSendACompleteResponseWhoseJsonStopsHalfway() throws Exception {
    try (CortexXdrSimulator simulator = start("")) {
      byte[] whole = rawPage(simulator).body();
      simulator.faults().truncateJsonNext(1);

      HttpResponse<byte[]> truncated = rawPage(simulator);

      assertThat(truncated.statusCode()).isEqualTo(200);
      assertThat(truncated.headers().firstValueAsLong("Content-Length")).hasValue(whole.length / 2);
      assertThat(truncated.body()).isEqualTo(java.util.Arrays.copyOf(whole, whole.length / 2));
      assertThatThrownBy(() -> CortexClient.MAPPER.readTree(truncated.body()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void shouldReportHowFastTheCallsUnderAPrefixArrived() throws Exception {
    try (CortexXdrSimulator simulator = start("")) {
      for (int i = 0; i < 3; i++) {
        rawPage(simulator);
      }
      new CortexClient(simulator).post(XqlApi.QUOTA, "{}");
      HttpClient http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();

      var answer =
          CortexClient.MAPPER.readTree(
              http.send(
                      HttpRequest.newBuilder(
                              simulator
                                  .baseUrl()
                                  .resolve("/_sim/request-rate?prefix=/public_api/v1/endpoints/"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());

      assertThat(answer.path("requests").asInt()).isEqualTo(3);
      assertThat(answer.path("refused").asInt()).isZero();
      assertThat(answer.path("busiestSecond").asInt()).isEqualTo(3); // a frozen clock
      assertThat(simulator.requestRate("/public_api/").requests()).isEqualTo(4);
    }
  }

  @Test
  void shouldAnswerSlowCallsNormally() {
    try (CortexXdrSimulator simulator = start("")) {
      simulator.faults().slowNext(1, Duration.ofMillis(20));

      assertThat(new CortexClient(simulator).post(EndpointsApi.GET_ENDPOINT, PAGE).status())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldRefuseOnlyStartQueryCallsWithArmedParallelFaults() {
    try (CortexXdrSimulator simulator = start("")) {
      CortexClient client = new CortexClient(simulator);
      simulator.faults().parallelQueryRefusalNext(1);

      CortexClient.Response page = client.post(EndpointsApi.GET_ENDPOINT, PAGE);
      CortexClient.Response refused = client.start(XqlTexts.CVES);
      CortexClient.Response accepted = client.start(XqlTexts.CVES);

      assertThat(page.status()).isEqualTo(200);
      assertThat(refused.status()).isEqualTo(500);
      assertThat(refused.reply().get("err_msg").asText()).contains("parallel running queries");
      assertThat(accepted.status()).isEqualTo(200);
    }
  }

  @Test
  void shouldNeverFailOneRequestThreeTimesInARow() {
    try (CortexXdrSimulator simulator = start("429:20%,5xx:15%,drop:10%,parallel:30%")) {
      CortexClient client = new CortexClient(simulator);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        try {
          statuses.add(client.post(EndpointsApi.GET_ENDPOINT, PAGE).status());
        } catch (UncheckedIOException dropped) {
          statuses.add(0);
        }
      }
      int run = 0;
      for (int status : statuses) {
        run = status == 200 ? 0 : run + 1;
        assertThat(run).as("consecutive failures in %s", statuses).isLessThan(3);
      }
      assertThat(statuses).contains(0, 429, 500, 200);
      assertThat(simulator.manifest().get("faults").asText())
          .isEqualTo("429:20%,5xx:15%,drop:10%,parallel:30%");
      simulator.faults().clear();
      assertThat(simulator.manifest().get("faults").asText()).isEmpty();
    }
  }

  @Test
  void shouldNeverFaultTheSimulatorControls() {
    try (CortexXdrSimulator simulator = start("")) {
      simulator.faults().dropConnectionNext(5);
      CortexClient client = new CortexClient(simulator);

      CortexClient.Response manifest =
          client.send(
              HttpRequest.newBuilder(simulator.baseUrl().resolve("/_sim/manifest")).GET().build());
      CortexClient.Response advance =
          client.send(
              HttpRequest.newBuilder(simulator.baseUrl().resolve("/_sim/advance?changes=3"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());

      assertThat(manifest.status()).isEqualTo(200);
      assertThat(manifest.body().get("vendor").asText()).isEqualTo("cortex-xdr");
      assertThat(advance.status()).isEqualTo(200);
      assertThat(advance.body().get("advances").asInt()).isEqualTo(1);
    }
  }
}
