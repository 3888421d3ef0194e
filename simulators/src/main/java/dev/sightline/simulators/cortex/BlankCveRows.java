package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.StableHash;

/**
 * The {@code blank-cve:P%} fault: that share of endpoints (drawn once from the seed, fixed for the
 * simulator's life) lists one CVE with an empty name in {@code va_endpoints}, which {@code va_cves}
 * also holds, so the documented join gives each such endpoint one extra row whose CVE name is
 * empty: the row a join that matched nothing, or a column the tenant does not fill, leaves behind.
 */
record BlankCveRows(double rate, long seed) {
  static final BlankCveRows NONE = new BlankCveRows(0, 0);
  private static final long SALT = StableHash.salt("cx.blank-cve");
  private static final long SCALE = 1_000_000;

  boolean any() {
    return rate > 0;
  }

  /** Whether endpoint {@code e} carries an empty-name CVE. */
  boolean on(int e) {
    return rate > 0 && Long.remainderUnsigned(StableHash.of(seed, e, SALT), SCALE) < rate * SCALE;
  }
}
