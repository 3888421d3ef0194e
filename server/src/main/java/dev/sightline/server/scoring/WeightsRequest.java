package dev.sightline.server.scoring;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.sightline.platform.scoring.RiskWeights;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/scoring/weights}: the weight (0..10) of each open finding by its QDS
 * band, all four required. {@code unknown}: any other field, refused.
 */
record WeightsRequest(
    BigDecimal critical,
    BigDecimal high,
    BigDecimal medium,
    BigDecimal low,
    @JsonAnySetter Map<String, Object> unknown) {

  RiskWeights toWeights() {
    return new SettingBody("weights", "RiskWeights")
        .noOtherFields("", unknown, "critical, high, medium, low")
        .build(() -> new RiskWeights(critical, high, medium, low));
  }
}
