package dev.sightline.platform.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An asset's risk, 0–1000, exactly as DESIGN.md § Scoring states it (the shape of Qualys TruRisk
 * 2.0): {@code MIN(ACS × [MaxQDS·g + Σ count(band)·W(band)], 1000)}, g = 1.3 / 1.1 / 1.0 when the
 * top QDS is critical / high / lower. Only open findings count. Worked examples: docs/scoring.md.
 * Immutable and thread-safe.
 */
public final class AssetRiskScorer {
  static final int CAP = 1000;

  private final RiskWeights weights;

  public AssetRiskScorer(RiskWeights weights) {
    this.weights = weights;
  }

  /** g: the top finding weighs more the more severe it is (Qualys's "updated formula"). */
  static BigDecimal g(QdsBand band) {
    return switch (band) {
      case CRITICAL -> new BigDecimal("1.3");
      case HIGH -> new BigDecimal("1.1");
      case MEDIUM, LOW -> BigDecimal.ONE;
    };
  }

  public AssetRiskScore score(Criticality criticality, Collection<AssetFinding> findings) {
    List<AssetFinding> open =
        findings.stream()
            .filter(AssetFinding::open)
            .sorted(
                Comparator.comparingInt(AssetFinding::qds)
                    .reversed()
                    .thenComparing(
                        AssetFinding::id, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    int excluded = findings.size() - open.size();
    List<ScoreTerm> terms = new ArrayList<>();
    terms.add(
        new ScoreTerm(
            "acs",
            "Asset criticality " + criticality.acs() + " (" + criticality.reason() + ")",
            inputs("acs", criticality.acs(), "reason", criticality.reason()),
            BigDecimal.valueOf(criticality.acs())));
    if (open.isEmpty()) {
      terms.add(
          new ScoreTerm(
              "score",
              "No open findings: risk 0",
              inputs("excludedFindings", excluded),
              BigDecimal.ZERO));
      return new AssetRiskScore(0, RiskBand.LOW, criticality.acs(), formula(), 0, excluded, terms);
    }

    AssetFinding top = open.get(0);
    QdsBand topBand = QdsBand.of(top.qds());
    BigDecimal topTerm = BigDecimal.valueOf(top.qds()).multiply(g(topBand));
    terms.add(
        new ScoreTerm(
            "maxQds",
            "Top open finding QDS " + top.qds() + " (" + topBand.label() + ") × g " + g(topBand),
            inputs(
                "findingId", top.id(), "qds", top.qds(), "band", topBand.label(), "g", g(topBand)),
            topTerm));

    Map<QdsBand, Integer> counts = new EnumMap<>(QdsBand.class);
    for (AssetFinding f : open) {
      counts.merge(QdsBand.of(f.qds()), 1, Integer::sum);
    }
    BigDecimal bracket = topTerm;
    for (QdsBand band : QdsBand.values()) {
      int count = counts.getOrDefault(band, 0);
      BigDecimal value = weights.of(band).multiply(BigDecimal.valueOf(count));
      bracket = bracket.add(value);
      terms.add(
          new ScoreTerm(
              "count." + band.label(),
              count
                  + " "
                  + band.label()
                  + " finding"
                  + (count == 1 ? "" : "s")
                  + " × weight "
                  + weights.of(band).toPlainString(),
              inputs("count", count, "weight", weights.of(band)),
              value));
    }
    terms.add(new ScoreTerm("bracket", "MaxQDS·g + Σ count(band)·W(band)", Map.of(), bracket));
    BigDecimal product = bracket.multiply(BigDecimal.valueOf(criticality.acs()));
    terms.add(
        new ScoreTerm(
            "product",
            "ACS " + criticality.acs() + " × " + bracket.toPlainString(),
            Map.of(),
            product));
    int rounded = product.setScale(0, RoundingMode.HALF_UP).intValueExact();
    int score = Math.min(CAP, rounded);
    terms.add(
        new ScoreTerm(
            "score",
            rounded > CAP ? "Capped at " + CAP : "Rounded to a whole number",
            inputs("uncapped", rounded, "cap", CAP),
            BigDecimal.valueOf(score)));
    return new AssetRiskScore(
        score, RiskBand.of(score), criticality.acs(), formula(), open.size(), excluded, terms);
  }

  private String formula() {
    return "MIN(ACS × [MaxQDS·g + count(critical)·"
        + weights.critical().toPlainString()
        + " + count(high)·"
        + weights.high().toPlainString()
        + " + count(medium)·"
        + weights.medium().toPlainString()
        + " + count(low)·"
        + weights.low().toPlainString()
        + "], 1000), g = 1.3 / 1.1 / 1.0 for a critical / high / lower top QDS";
  }

  /** Name/value pairs in order; values may be null. */
  private static Map<String, Object> inputs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
