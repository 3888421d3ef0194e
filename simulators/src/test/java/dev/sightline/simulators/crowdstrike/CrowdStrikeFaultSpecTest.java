package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.simulators.server.FaultBurst;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  private static CrowdStrikeFaultPlan plan(String spec) {
    return new CrowdStrikeFaultPlan(
        new TokenStore(),
        new CursorRegistry(java.time.Clock.systemUTC(), Duration.ofSeconds(120)),
        spec,
        3);
  }

  @Test
  void shouldParseTheDocumentedExample() {
    CrowdStrikeFaultSpec spec =
        CrowdStrikeFaultSpec.parse("429:5%,5xx:2%,drop:1%,slow:1%:2s,token-expiry:60s,malformed:1");

    assertThat(spec.rateLimitRate()).isEqualTo(0.05);
    assertThat(spec.serverErrorRate()).isEqualTo(0.02);
    assertThat(spec.dropRate()).isEqualTo(0.01);
    assertThat(spec.slowRate()).isEqualTo(0.01);
    assertThat(spec.slowDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.malformedPages()).isEqualTo(1);
  }

  @Test
  void shouldParseTheShareOfUnlistedHosts() {
    assertThat(CrowdStrikeFaultSpec.parse("unlisted-hosts:10%").unlistedHostsRate())
        .isEqualTo(0.10);
    assertThat(CrowdStrikeFaultSpec.parse("429:1%,unlisted-hosts:0.5%").unlistedHostsRate())
        .isEqualTo(0.005);
    assertThat(CrowdStrikeFaultSpec.parse("429:1%").unlistedHostsRate()).isZero();
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("unlisted-hosts:12"))
        .hasMessageContaining("unlisted-hosts:12");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("unlisted-hosts:101%"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAcceptCountsAndRatesWhereBothMakeSense() {
    CrowdStrikeFaultSpec spec =
        CrowdStrikeFaultSpec.parse(" token-expiry:500 , malformed:0.5% , slow:10%:250ms ");

    assertThat(spec.tokenExpiryEveryCalls()).isEqualTo(500);
    assertThat(spec.malformedRate()).isEqualTo(0.005);
    assertThat(spec.slowDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(CrowdStrikeFaultSpec.parse("")).isEqualTo(CrowdStrikeFaultSpec.NONE);
  }

  @Test
  void shouldRefuseSpecsThatCouldStallARun() {
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("429:30%,5xx:30%"))
        .hasMessageContaining("50%");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("slow:1%:2h"))
        .hasMessageContaining("at most 1m");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("teapot:5%"))
        .hasMessageContaining("unknown fault");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("429:5"))
        .hasMessageContaining("percentage");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("slow:1%")).hasMessageContaining("delay");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("token-expiry:0s"))
        .hasMessageContaining("positive");
  }

  @Test
  void shouldNeverRandomlyFailOneRequestThreeTimesInARow() {
    CrowdStrikeFaultPlan plan = plan("429:20%,5xx:15%,drop:15%");
    int run = 0;
    int failures = 0;
    for (int i = 0; i < 2000; i++) {
      CrowdStrikeFaultDecision d =
          plan.forDataCall("GET /spotlight/combined/vulnerabilities/v1?filter=x", false);
      run = d.kind() == CrowdStrikeFaultDecision.Kind.NONE ? 0 : run + 1;
      failures += d.kind() == CrowdStrikeFaultDecision.Kind.NONE ? 0 : 1;
      assertThat(run).isLessThan(3);
    }
    assertThat(failures).isBetween(600, 1000);
  }

  @Test
  void shouldServeArmedFaultsInOrderThenStop() {
    CrowdStrikeFaultPlan plan = plan("");
    plan.dropConnectionNext(1);
    plan.rateLimitNext(1, 5);
    plan.serverErrorNext(2);

    assertThat(plan.forDataCall("a", false).kind()).isEqualTo(CrowdStrikeFaultDecision.Kind.DROP);
    assertThat(plan.forDataCall("a", false).retryAfterSeconds()).isEqualTo(5);
    assertThat(plan.forDataCall("a", false).status()).isEqualTo(500);
    assertThat(plan.forDataCall("a", false).status()).isEqualTo(503);
    assertThat(plan.forDataCall("a", false)).isEqualTo(CrowdStrikeFaultDecision.NONE);
  }

  @Test
  void shouldParseBurstsWithAndWithoutTheirFirstCall() {
    CrowdStrikeFaultSpec spec =
        CrowdStrikeFaultSpec.parse(
            "429-storm:12@30,5xx-burst:3,drop-mid-body:2@5,truncated:1@7,cursor-expiry:4@9");

    assertThat(spec.rateLimitStorm()).isEqualTo(new FaultBurst(12, 30));
    assertThat(spec.serverErrorBurst()).isEqualTo(new FaultBurst(3, 1));
    assertThat(spec.midBodyDrops()).isEqualTo(new FaultBurst(2, 5));
    assertThat(spec.truncatedBodies()).isEqualTo(new FaultBurst(1, 7));
    assertThat(spec.cursorExpiries()).isEqualTo(new FaultBurst(4, 9));
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("429-storm:5%"))
        .hasMessageContaining("429-storm:5%")
        .hasMessageContaining("count");
    assertThatThrownBy(() -> CrowdStrikeFaultSpec.parse("truncated:2@0"))
        .hasMessageContaining("positive");
  }

  @Test
  void shouldServeABurstToExactlyItsCallsFromItsFirstCallOn() {
    CrowdStrikeFaultPlan plan = plan("429-storm:3@2,truncated:1@6,drop-mid-body:1@7");
    List<CrowdStrikeFaultDecision.Kind> kinds = new ArrayList<>();
    for (int call = 1; call <= 8; call++) {
      kinds.add(plan.forDataCall("same request", false).kind());
    }

    assertThat(kinds)
        .containsExactly(
            CrowdStrikeFaultDecision.Kind.NONE,
            CrowdStrikeFaultDecision.Kind.RATE_LIMIT,
            CrowdStrikeFaultDecision.Kind.RATE_LIMIT,
            CrowdStrikeFaultDecision.Kind.RATE_LIMIT,
            CrowdStrikeFaultDecision.Kind.NONE,
            CrowdStrikeFaultDecision.Kind.TRUNCATE,
            CrowdStrikeFaultDecision.Kind.DROP_MID_BODY,
            CrowdStrikeFaultDecision.Kind.NONE);
  }

  @Test
  void shouldExpireCursorsOnlyOnCallsThatCarryOne() {
    CursorRegistry cursors =
        new CursorRegistry(java.time.Clock.systemUTC(), Duration.ofSeconds(120));
    CrowdStrikeFaultPlan plan =
        new CrowdStrikeFaultPlan(new TokenStore(), cursors, "cursor-expiry:1@2", 3);
    String first = cursors.issue(1L, "a");

    plan.forDataCall("first page", false);
    plan.forDataCall("second page", false);
    assertThat(cursors.redeem(first)).as("a call without a cursor leaves them be").isPresent();
    plan.forDataCall("third page", true);
    assertThat(cursors.redeem(first)).isEmpty();
    String next = cursors.issue(2L, "b");
    plan.forDataCall("fourth page", true);
    assertThat(cursors.redeem(next)).as("the burst was one call").isPresent();
  }

  @Test
  void shouldForgetBurstsWhenCleared() {
    CrowdStrikeFaultPlan plan = plan("5xx-burst:5@2");
    plan.forDataCall("a", false);
    plan.forDataCall("a", false);
    plan.clear();

    assertThat(plan.forDataCall("a", false)).isEqualTo(CrowdStrikeFaultDecision.NONE);
  }
}
