package dev.sightline.server.scoring;

import dev.sightline.platform.scoring.RiskWeights;
import java.math.BigDecimal;

/** The weight of each open finding by its QDS band in the asset risk formula. */
record WeightsResponse(BigDecimal critical, BigDecimal high, BigDecimal medium, BigDecimal low) {

  static WeightsResponse from(RiskWeights w) {
    return new WeightsResponse(w.critical(), w.high(), w.medium(), w.low());
  }
}
