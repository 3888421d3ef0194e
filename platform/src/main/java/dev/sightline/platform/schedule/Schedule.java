package dev.sightline.platform.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a connector runs: an occurrence, from a start in a timezone, active for five years from the
 * start (the seeds' window). The Quartz trigger built by {@link ScheduleTriggers} is the one
 * definition of its occurrences; {@link #nextRuns} reads them from it.
 *
 * @param cron a Quartz cron expression (seconds first) when {@code occurs} is CRON
 */
public record Schedule(Occurrence occurs, Optional<String> cron, ZoneId zone, LocalDateTime start) {
  /** The seeds: "The sync is active for a 5-year duration from the start date and time". */
  public static final int ACTIVE_YEARS = 5;

  private static final DateTimeFormatter ONCE_AT =
      DateTimeFormatter.ofPattern("MMMM d, yyyy hh:mm a", Locale.ENGLISH);
  private static final DateTimeFormatter FROM_AT =
      DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' hh:mm a", Locale.ENGLISH);

  public Schedule {
    Objects.requireNonNull(occurs, "occurs");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
  }

  /** The end of the active window: five years after the start, in the same zone. */
  public LocalDateTime end() {
    return start.plusYears(ACTIVE_YEARS);
  }

  public Instant startInstant() {
    return start.atZone(zone).toInstant();
  }

  public Instant endInstant() {
    return end().atZone(zone).toInstant();
  }

  /**
   * The next {@code count} occurrences strictly after {@code after}; fewer near the window's end.
   */
  public List<Instant> nextRuns(Instant after, int count) {
    return ScheduleTriggers.occurrencesAfter(this, after, count);
  }

  /** Whether no occurrence is left after {@code at}: the schedule has stopped. */
  public boolean endedBy(Instant at) {
    return nextRuns(at, 1).isEmpty();
  }

  /**
   * The seeds' confirmation sentence, e.g. "The sync is scheduled for May 13, 2026 04:37 PM in
   * Asia/Calcutta timezone" or "The sync is scheduled to run daily from May 5, 2026 at 03:08 PM
   * till May 5, 2031 at 03:08 PM in the Asia/Calcutta timezone"; once no occurrence is left after
   * {@code at}, a sentence saying the schedule has ended and what to do.
   */
  public String confirmation(Instant at) {
    if (endedBy(at)) {
      return occurs == Occurrence.ONCE
          ? "The sync was scheduled once, for "
              + ONCE_AT.format(start)
              + " in "
              + zone.getId()
              + " timezone, and that time has passed; edit the connector's schedule to run it"
              + " again"
          : "The schedule ended on "
              + FROM_AT.format(end())
              + " in the "
              + zone.getId()
              + " timezone after its five years; edit the connector's schedule to keep it"
              + " running";
    }
    if (occurs == Occurrence.ONCE) {
      return "The sync is scheduled for "
          + ONCE_AT.format(start)
          + " in "
          + zone.getId()
          + " timezone";
    }
    return "The sync is scheduled to run "
        + occurs.words()
        + cron.map(c -> " '" + c + "'").orElse("")
        + " from "
        + FROM_AT.format(start)
        + " till "
        + FROM_AT.format(end())
        + " in the "
        + zone.getId()
        + " timezone";
  }
}
