package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CortexFaultPlanTest {
  @Test
  void shouldServeArmedFaultsInOrderThenStop() {
    CortexFaultPlan plan = new CortexFaultPlan("", 3);
    plan.dropConnectionNext(1);
    plan.tooManyRequestsNext(1);
    plan.serverErrorNext(2);
    plan.parallelQueryRefusalNext(1);

    assertThat(plan.forCall("a", true).kind()).isEqualTo(CortexFaultDecision.Kind.DROP);
    assertThat(plan.forCall("a", true).status()).isEqualTo(429);
    assertThat(plan.forCall("a", false).status()).isEqualTo(500);
    assertThat(plan.forCall("a", false).status()).isEqualTo(503);
    assertThat(plan.forCall("a", false)).isEqualTo(CortexFaultDecision.NONE);
    assertThat(plan.forCall("a", true).kind()).isEqualTo(CortexFaultDecision.Kind.PARALLEL);
    assertThat(plan.forCall("a", true)).isEqualTo(CortexFaultDecision.NONE);
  }

  @Test
  void shouldNeverRandomlyFailOneRequestThreeTimesInARow() {
    CortexFaultPlan plan = new CortexFaultPlan("429:20%,5xx:15%,drop:15%,parallel:40%", 3);
    int run = 0;
    int failures = 0;
    int parallel = 0;
    for (int i = 0; i < 2000; i++) {
      CortexFaultDecision d = plan.forCall("start", true);
      run = d.kind() == CortexFaultDecision.Kind.NONE ? 0 : run + 1;
      failures += d.kind() == CortexFaultDecision.Kind.NONE ? 0 : 1;
      parallel += d.kind() == CortexFaultDecision.Kind.PARALLEL ? 1 : 0;
      assertThat(run).isLessThan(3);
    }
    assertThat(failures).isBetween(800, 1500);
    assertThat(parallel).isPositive();
  }

  @Test
  void shouldNotRefuseOtherCallsWithParallelFaults() {
    CortexFaultPlan plan = new CortexFaultPlan("parallel:50%", 3);
    for (int i = 0; i < 200; i++) {
      assertThat(plan.forCall("page" + i, false)).isEqualTo(CortexFaultDecision.NONE);
    }
    plan.clear();
    assertThat(plan.describe()).isEmpty();
  }
}
