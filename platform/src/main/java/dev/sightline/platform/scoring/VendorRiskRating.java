package dev.sightline.platform.scoring;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A source's own risk rating of a CVE on the platform's scale (a connector's transform map puts its
 * vendor's rating on it), and the likelihood of exploitation each step stands for: the one place
 * that orders the ratings, for scoring and for picking the highest of several sources.
 */
public enum VendorRiskRating {
  LOW(BigDecimal.ZERO.setScale(6)),
  MEDIUM(new BigDecimal("0.333333")),
  HIGH(new BigDecimal("0.666667")),
  CRITICAL(BigDecimal.ONE.setScale(6));

  private final BigDecimal likelihood;

  VendorRiskRating(BigDecimal likelihood) {
    this.likelihood = likelihood;
  }

  public BigDecimal likelihood() {
    return likelihood;
  }

  /** The rating a source's word names; empty for a word off the scale (UNKNOWN, blank). */
  public static Optional<VendorRiskRating> of(String word) {
    if (word == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(word.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
