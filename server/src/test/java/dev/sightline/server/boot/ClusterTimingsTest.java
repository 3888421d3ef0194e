package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTimingsTest {

  @Test
  void shouldKeepTheProductionTimingsWhenNothingIsSet() {
    assertThat(ClusterTimings.fromEnvironment(Map.of()))
        .isEqualTo(new ClusterTimings(Duration.ofSeconds(45), Duration.ofSeconds(5)));
  }

  @Test
  void shouldReadTheLeaseAndTheCheckInInSeconds() {
    ClusterTimings t =
        ClusterTimings.fromEnvironment(
            Map.of("SIGHTLINE_RUN_LEASE_SECONDS", " 3 ", "SIGHTLINE_CLUSTER_CHECKIN_SECONDS", "1"));
    assertThat(t.lease()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.checkin()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldRefuseAZeroOrWordedLeaseNamingTheSetting() {
    assertThatThrownBy(
            () -> ClusterTimings.fromEnvironment(Map.of("SIGHTLINE_RUN_LEASE_SECONDS", "0")))
        .hasMessageContaining("SIGHTLINE_RUN_LEASE_SECONDS is '0'")
        .hasMessageContaining("from 1 to 3600");
    assertThatThrownBy(
            () -> ClusterTimings.fromEnvironment(Map.of("SIGHTLINE_CLUSTER_CHECKIN_SECONDS", "5s")))
        .hasMessageContaining("SIGHTLINE_CLUSTER_CHECKIN_SECONDS is '5s'");
  }
}
