package dev.sightline.platform.schedule;

/** How often a connector runs: the seed's Occurs field. */
public enum Occurrence {
  ONCE("once"),
  HOURLY("hourly"),
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly"),
  CRON("on a cron schedule");

  private final String words;

  Occurrence(String words) {
    this.words = words;
  }

  /** How the confirmation sentence says it, e.g. "daily". */
  String words() {
    return words;
  }
}
