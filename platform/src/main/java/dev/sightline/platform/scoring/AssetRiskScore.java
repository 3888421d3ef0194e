package dev.sightline.platform.scoring;

import java.util.List;

/**
 * An asset's risk score and its explanation, as {@code GET /api/v1/assets/{id}/score} returns it.
 *
 * @param score 0–1000
 * @param formula the formula, with the configured weights
 * @param openFindings findings that counted
 * @param excludedFindings findings that did not (fixed, or excluded by the caller)
 * @param terms the steps, in order: the ACS, the top finding's term, one term per band, the
 *     bracket, the product, the cap
 */
public record AssetRiskScore(
    int score,
    RiskBand band,
    int acs,
    String formula,
    int openFindings,
    int excludedFindings,
    List<ScoreTerm> terms) {
  public AssetRiskScore {
    if (band != RiskBand.of(score)) {
      throw new IllegalArgumentException("score " + score + " is in band " + RiskBand.of(score));
    }
    terms = List.copyOf(terms);
  }
}
