package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaLedgerTest {
  @Test
  void shouldRefuseOnceUsedUpAndResetAtUtcMidnight() {
    MutableClock clock = new MutableClock(Instant.parse("2025-05-05T23:59:00Z"));
    QuotaLedger ledger = new QuotaLedger(1, clock);

    ledger.charge(0.6);
    boolean afterOne = ledger.exhausted();
    ledger.charge(0.4);
    boolean afterTwo = ledger.exhausted();
    double remaining = ledger.remaining();
    clock.advance(Duration.ofMinutes(1));

    assertThat(afterOne).isFalse();
    assertThat(afterTwo).isTrue();
    assertThat(remaining).isZero();
    assertThat(ledger.exhausted()).isFalse();
    assertThat(ledger.used()).isZero();
  }
}
