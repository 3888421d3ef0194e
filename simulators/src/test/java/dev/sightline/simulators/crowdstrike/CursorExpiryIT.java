package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorExpiryIT {
  @Test
  void shouldExpireTheAfterCursorAfterItsTtl() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(30).withClock(clock))) {
      SimClient client = new SimClient(simulator).authenticate();
      SimClient.Response first =
          client.get(SpotlightEndpoint.PATH, "filter", "status:!'closed'", "limit", "10");

      clock.advance(Duration.ofSeconds(120));
      SimClient.Response inTime =
          client.get(
              SpotlightEndpoint.PATH,
              "filter",
              "status:!'closed'",
              "limit",
              "10",
              "after",
              first.after());
      clock.advance(Duration.ofSeconds(121));
      SimClient.Response late =
          client.get(
              SpotlightEndpoint.PATH,
              "filter",
              "status:!'closed'",
              "limit",
              "10",
              "after",
              inTime.after());

      assertThat(inTime.status()).isEqualTo(200);
      assertThat(late.status()).isEqualTo(404);
      assertThat(late.body().at("/meta/pagination/limit").asInt()).isEqualTo(10);
      assertThat(late.body().at("/meta/pagination/total").asInt()).isZero();
      assertThat(late.body().at("/meta/pagination/after").asText()).isEmpty();
      assertThat(late.resources().isArray() && late.resources().isEmpty()).isTrue();
      assertThat(late.body().at("/errors/0/code").asInt()).isEqualTo(404);
      assertThat(late.body().at("/errors/0/message").asText())
          .isEqualTo("Search context expired, 'after' key no longer valid");
    }
  }

  @Test
  void shouldTreatAnUnknownCursorAsExpired() {
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5))) {
      SimClient client = new SimClient(simulator).authenticate();
      String forged =
          java.util.Base64.getEncoder()
              .encodeToString(
                  "[1684530289000,\"8fc65315612b4f6b96d356ad11cd0e6a_439d7e911336390782ec1f2fa4670f2a\"]"
                      .getBytes());

      SimClient.Response response =
          client.get(SpotlightEndpoint.PATH, "filter", "status:'open'", "after", forged);

      assertThat(response.status()).isEqualTo(404);
    }
  }

  @Test
  void shouldExpireDiscoverCursorsToo() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    try (CrowdStrikeSimulator simulator =
        CrowdStrikeSimulator.start(
            CrowdStrikeSimulatorOptions.defaults(30)
                .withClock(clock)
                .withCursorTtl(Duration.ofSeconds(30)))) {
      SimClient client = new SimClient(simulator).authenticate();
      SimClient.Response first =
          client.get(DiscoverEndpoints.COMBINED, "filter", "entity_type:'managed'", "limit", "5");
      clock.advance(Duration.ofSeconds(31));

      SimClient.Response late =
          client.get(
              DiscoverEndpoints.COMBINED,
              "filter",
              "entity_type:'managed'",
              "limit",
              "5",
              "after",
              first.after());

      assertThat(late.status()).isEqualTo(404);
      assertThat(late.body().at("/errors/0/message").asText()).contains("Search context expired");
    }
  }
}
