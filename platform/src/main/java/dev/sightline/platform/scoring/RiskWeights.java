package dev.sightline.platform.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight W of each open finding, by its QDS band, in the asset risk formula. Qualys does not
 * publish its weights; 1 / 0.6 / 0.4 / 0.2 reproduce its public worked example (docs/scoring.md).
 * Editable: validated, with a JSON form.
 */
public record RiskWeights(BigDecimal critical, BigDecimal high, BigDecimal medium, BigDecimal low) {
  private static final BigDecimal MAX = BigDecimal.TEN;

  public RiskWeights {
    List<String> problems = new ArrayList<>();
    check(problems, "critical", critical);
    check(problems, "high", high);
    check(problems, "medium", medium);
    check(problems, "low", low);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public static RiskWeights defaults() {
    return new RiskWeights(
        BigDecimal.ONE, new BigDecimal("0.6"), new BigDecimal("0.4"), new BigDecimal("0.2"));
  }

  public BigDecimal of(QdsBand band) {
    return switch (band) {
      case CRITICAL -> critical;
      case HIGH -> high;
      case MEDIUM -> medium;
      case LOW -> low;
    };
  }

  public String toJson() {
    return ScoringJson.write(this);
  }

  public static RiskWeights fromJson(String json) {
    return ScoringJson.read(json, RiskWeights.class);
  }

  private static void check(List<String> problems, String name, BigDecimal weight) {
    if (weight == null) {
      problems.add(name + " weight is required");
    } else if (weight.signum() < 0 || weight.compareTo(MAX) > 0) {
      problems.add(name + " weight must be 0..10, not " + weight.toPlainString());
    }
  }
}
