package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-05-05T10:00:00Z"));

  private static CortexTenant tenant(int hosts, long seed) {
    return new CortexTenant(
        CortexXdrSimulatorOptions.defaults(hosts).withSeed(seed).withClock(CLOCK));
  }

  @Test
  void shouldBuildTheSameTenantForTheSameSeed() {
    JsonNode first = tenant(150, 9).manifest("", 0);
    JsonNode second = tenant(150, 9).manifest("", 0);

    assertThat(first).isEqualTo(second);
    assertThat(tenant(150, 10).manifest("", 0)).isNotEqualTo(first);
  }

  @Test
  void shouldServeAnEmptyTenant() {
    CortexTenant empty = tenant(0, 42);
    empty.store().advance(10);
    JsonNode manifest = empty.manifest("", 0);

    assertThat(manifest.get("endpoints").asInt()).isZero();
    assertThat(manifest.get("findings").asInt()).isZero();
    assertThat(manifest.get("cves").asInt()).isZero();
    assertThat(manifest.at("/lastAdvance/changes").asInt()).isZero();
  }

  @Test
  void shouldChangeExactlyTheAskedFindingsAndOnlyCurrentAgents() {
    CortexTenant tenant = tenant(300, 42);
    VaSnapshot before = tenant.store().snapshot();

    VaSnapshot.AdvanceSummary first = tenant.store().advance(25);
    VaSnapshot.AdvanceSummary second = tenant.store().advance(25);
    VaSnapshot after = tenant.store().snapshot();

    assertThat(first.changes()).isEqualTo(25);
    assertThat(first.fixed() + first.added()).isEqualTo(25);
    assertThat(second.at()).isGreaterThan(first.at());
    assertThat(after.findings())
        .isEqualTo(
            before.findings() - first.fixed() + first.added() - second.fixed() + second.added());
    assertThat(after.changedFindings()).isEqualTo(50);
    EndpointDirectory endpoints = tenant.endpoints();
    for (int e = 0; e < endpoints.count(); e++) {
      if (endpoints.stale(e)) {
        assertThat(after.refs(e)).isEqualTo(before.refs(e));
        assertThat(after.lastSeen(e)).isEqualTo(before.lastSeen(e));
      }
      if (after.lastSeen(e) != before.lastSeen(e)) {
        assertThat(after.status(e)).isEqualTo(EndpointStatus.CONNECTED);
      }
    }
  }

  @Test
  void shouldGiveAboutTenCvesPerEndpointAndAReimagedMachineTwoEndpoints() {
    CortexTenant tenant = tenant(500, 42);
    JsonNode manifest = tenant.manifest("", 0);
    EndpointDirectory endpoints = tenant.endpoints();
    int reimaged = -1;
    for (int e = 0; e < endpoints.count(); e++) {
      if (endpoints.stale(e)) {
        reimaged = e;
        break;
      }
    }

    assertThat(manifest.get("findings").asDouble() / manifest.get("endpoints").asInt())
        .isBetween(8.5, 11.5);
    assertThat(reimaged).isNotNegative();
    assertThat(endpoints.machineIndex(reimaged + 1)).isEqualTo(endpoints.machineIndex(reimaged));
    assertThat(endpoints.endpointId(reimaged + 1)).isNotEqualTo(endpoints.endpointId(reimaged));
    assertThat(endpoints.firstSeen(reimaged + 1)).isGreaterThan(endpoints.baseLastSeen(reimaged));
    assertThat(endpoints.byId(endpoints.endpointId(reimaged))).isEqualTo(reimaged);
    assertThat(endpoints.byId(endpoints.endpointId(reimaged).toUpperCase())).isEqualTo(-1);
  }
}
