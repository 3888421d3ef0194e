package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

  @Test
  void shouldSpoilArmedRepliesAfterTheRefusals() {
    CortexFaultPlan plan = new CortexFaultPlan("", 3);
    plan.truncateJsonNext(1);
    plan.cutBodyNext(1);
    plan.tooManyRequestsNext(1);

    assertThat(plan.forCall("a", false).status()).isEqualTo(429);
    assertThat(plan.forCall("a", false).kind()).isEqualTo(CortexFaultDecision.Kind.CUT_BODY);
    assertThat(plan.forCall("a", false).kind()).isEqualTo(CortexFaultDecision.Kind.TRUNCATE_JSON);
    assertThat(plan.forCall("a", false)).isEqualTo(CortexFaultDecision.NONE);
  }

  @Test
  void shouldRefuseStormLengthCallsInARowAtEveryNthCall() {
    CortexFaultPlan plan = new CortexFaultPlan("429-storm:3/10", 3);
    List<Integer> refused = new ArrayList<>();
    for (int call = 1; call <= 30; call++) {
      if (plan.forCall("same request", false).kind() == CortexFaultDecision.Kind.TOO_MANY) {
        refused.add(call);
      }
    }

    assertThat(refused).containsExactly(10, 11, 12, 20, 21, 22, 30);
  }

  @Test
  void shouldDrawCutAndTruncatedRepliesAtTheirRates() {
    CortexFaultPlan plan = new CortexFaultPlan("cut:10%,truncate:10%", 3);
    int cut = 0;
    int truncated = 0;
    for (int i = 0; i < 2000; i++) {
      CortexFaultDecision.Kind kind = plan.forCall("page" + i, false).kind();
      cut += kind == CortexFaultDecision.Kind.CUT_BODY ? 1 : 0;
      truncated += kind == CortexFaultDecision.Kind.TRUNCATE_JSON ? 1 : 0;
    }
    assertThat(cut).isBetween(120, 280);
    assertThat(truncated).isBetween(120, 280);
  }

  @Test
  void shouldSwitchTheRandomSpecAtRunTimeAndCountWhatItInjected() {
    CortexFaultPlan plan = new CortexFaultPlan("", 3);
    for (int i = 0; i < 50; i++) {
      assertThat(plan.forCall("page" + i, false)).isEqualTo(CortexFaultDecision.NONE);
    }
    assertThat(plan.injected()).isZero();

    plan.useSpec("truncate:40%");
    int truncated = 0;
    for (int i = 0; i < 50; i++) {
      truncated +=
          plan.forCall("page" + i, false).kind() == CortexFaultDecision.Kind.TRUNCATE_JSON ? 1 : 0;
    }

    assertThat(truncated).isPositive();
    assertThat(plan.injected()).isEqualTo(truncated);
    assertThat(plan.describe()).isEqualTo("truncate:40%");
    plan.useSpec("");
    assertThat(plan.forCall("page", false)).isEqualTo(CortexFaultDecision.NONE);
  }
}
