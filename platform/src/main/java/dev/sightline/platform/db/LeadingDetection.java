package dev.sightline.platform.db;

/**
 * Which of a finding's detections leads: an open one before a closed one, then the most severe,
 * then the oldest. The leading detection gives the finding its name, its severity and, in scoring,
 * the source severity and the connector whose mapping reads it. One ordering, written once, for
 * every query that aggregates a finding's detections (aliased {@code d}).
 */
public final class LeadingDetection {
  /**
   * An {@code ORDER BY} for {@code array_agg(… ORDER BY …)[1]} over detections aliased {@code d}.
   */
  public static final String ORDER = "ORDER BY d.open DESC, d.finding_severity DESC, d.id";

  private LeadingDetection() {}
}
