package dev.sightline.platform.scoring;

/**
 * An asset's criticality score (ACS, 1–5) and where it came from, for the explanation.
 *
 * @param reason e.g. "set by a user", "default for Domain Controller"
 */
public record Criticality(int acs, String reason) {
  public Criticality {
    if (acs < 1 || acs > 5) {
      throw new IllegalArgumentException("asset criticality (ACS) must be 1..5, not " + acs);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a criticality needs its reason");
    }
  }

  /** A value a user set on the asset: it wins over the default for its type. */
  public static Criticality setByUser(int acs) {
    return new Criticality(acs, "set by a user");
  }
}
