package dev.sightline.platform.scoring;

/** The bands of a finding's QDS (1–100), as Qualys publishes them. */
public enum QdsBand {
  CRITICAL(90, 100),
  HIGH(70, 89),
  MEDIUM(40, 69),
  LOW(1, 39);

  private final int min;
  private final int max;

  QdsBand(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public static QdsBand of(int qds) {
    if (qds < 1 || qds > 100) {
      throw new IllegalArgumentException("a QDS is 1..100, not " + qds);
    }
    for (QdsBand band : values()) {
      if (qds >= band.min) {
        return band;
      }
    }
    throw new IllegalStateException("unreachable: LOW starts at 1");
  }

  /** Lower-case name for explanations and JSON keys. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
