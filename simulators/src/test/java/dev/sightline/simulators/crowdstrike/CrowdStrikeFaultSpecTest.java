package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
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
    CrowdStrikeFaultPlan plan =
        new CrowdStrikeFaultPlan(new TokenStore(), "429:20%,5xx:15%,drop:15%", 3);
    int run = 0;
    int failures = 0;
    for (int i = 0; i < 2000; i++) {
      CrowdStrikeFaultDecision d =
          plan.forDataCall("GET /spotlight/combined/vulnerabilities/v1?filter=x");
      run = d.kind() == CrowdStrikeFaultDecision.Kind.NONE ? 0 : run + 1;
      failures += d.kind() == CrowdStrikeFaultDecision.Kind.NONE ? 0 : 1;
      assertThat(run).isLessThan(3);
    }
    assertThat(failures).isBetween(600, 1000);
  }

  @Test
  void shouldServeArmedFaultsInOrderThenStop() {
    CrowdStrikeFaultPlan plan = new CrowdStrikeFaultPlan(new TokenStore(), "", 3);
    plan.dropConnectionNext(1);
    plan.rateLimitNext(1, 5);
    plan.serverErrorNext(2);

    assertThat(plan.forDataCall("a").kind()).isEqualTo(CrowdStrikeFaultDecision.Kind.DROP);
    assertThat(plan.forDataCall("a").retryAfterSeconds()).isEqualTo(5);
    assertThat(plan.forDataCall("a").status()).isEqualTo(500);
    assertThat(plan.forDataCall("a").status()).isEqualTo(503);
    assertThat(plan.forDataCall("a")).isEqualTo(CrowdStrikeFaultDecision.NONE);
  }
}
