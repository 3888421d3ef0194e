package dev.sightline.platform.scoring;

/** The bands of an asset's risk score (0–1000), as Qualys publishes them for TruRisk. */
public enum RiskBand {
  CRITICAL(850, 1000),
  HIGH(700, 849),
  MEDIUM(500, 699),
  LOW(0, 499);

  private final int min;
  private final int max;

  RiskBand(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public static RiskBand of(int score) {
    if (score < 0 || score > 1000) {
      throw new IllegalArgumentException("an asset risk score is 0..1000, not " + score);
    }
    for (RiskBand band : values()) {
      if (score >= band.min) {
        return band;
      }
    }
    throw new IllegalStateException("unreachable: LOW starts at 0");
  }
}
