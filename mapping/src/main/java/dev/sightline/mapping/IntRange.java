package dev.sightline.mapping;

/** Inclusive bounds of an integer target, such as severity 1–5. */
record IntRange(long min, long max) {
  IntRange {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  boolean contains(long value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return min + "–" + max;
  }
}
