package dev.sightline.simulators.cortex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The tenant's daily XQL quota in query units. Queries are charged when they start; once the used
 * units reach the licence quota every new query is refused until the quota resets at UTC midnight
 * (by the injected clock). Thread-safe.
 */
final class QuotaLedger {
  private final long licenseQuota;
  private final Clock clock;
  private LocalDate day;
  private double used;

  QuotaLedger(long licenseQuota, Clock clock) {
    this.licenseQuota = licenseQuota;
    this.clock = clock;
    this.day = today();
  }

  synchronized boolean exhausted() {
    roll();
    return used >= licenseQuota;
  }

  synchronized void charge(double units) {
    roll();
    used += units;
  }

  synchronized double used() {
    roll();
    return used;
  }

  synchronized double remaining() {
    roll();
    return Math.max(0, licenseQuota - used);
  }

  long licenseQuota() {
    return licenseQuota;
  }

  private void roll() {
    LocalDate now = today();
    if (now.isAfter(day)) {
      day = now;
      used = 0;
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
