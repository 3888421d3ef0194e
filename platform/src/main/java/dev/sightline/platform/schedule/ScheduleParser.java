package dev.sightline.platform.schedule;

import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Reads a schedule from a request: defaults (daily, from now, in the server's zone), and every
 * problem named by its field with what to write instead.
 */
public final class ScheduleParser {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private final ZoneId serverZone;

  public ScheduleParser(ZoneId serverZone) {
    this.serverZone = serverZone;
  }

  /** The schedule asked for, or the default; {@code now} is when the request is saved. */
  public Schedule parse(ScheduleInput input, Instant now, List<Problem> problems) {
    ScheduleInput in = input == null ? new ScheduleInput(null, null, null, null) : input;
    Occurrence occurs = occurrence(in.occurs(), problems);
    ZoneId zone = zone(in.timezone(), problems);
    LocalDateTime start =
        blank(in.start())
            ? LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES)
            : start(in.start(), problems);
    Optional<String> cron = Optional.empty();
    if (occurs == Occurrence.CRON) {
      cron = cron(in.cron(), problems);
    } else if (!blank(in.cron())) {
      problems.add(
          new Problem(
              "schedule.cron", "schedule.cron is only read when occurs is CRON; remove it"));
    }
    if (start == null || !problems.isEmpty()) {
      return null;
    }
    Schedule schedule = new Schedule(occurs, cron, zone, start);
    if (occurs == Occurrence.ONCE && !schedule.startInstant().isAfter(now)) {
      problems.add(
          new Problem(
              "schedule.start",
              "a single occurrence must be in the future; it is "
                  + schedule.start()
                  + " in "
                  + zone.getId()
                  + " and it is now "
                  + LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES)
                  + " there"));
      return null;
    }
    return schedule;
  }

  private static Occurrence occurrence(String value, List<Problem> problems) {
    if (blank(value)) {
      return Occurrence.DAILY;
    }
    try {
      return Occurrence.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              "schedule.occurs",
              "schedule.occurs '"
                  + value
                  + "' is not known: use ONCE, HOURLY, DAILY (default), WEEKLY, MONTHLY or CRON"));
      return Occurrence.DAILY;
    }
  }

  private ZoneId zone(String value, List<Problem> problems) {
    if (blank(value)) {
      return serverZone;
    }
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      problems.add(
          new Problem(
              "schedule.timezone",
              "schedule.timezone '"
                  + value
                  + "' is not a timezone: use an IANA name such as Asia/Calcutta or UTC"));
      return serverZone;
    }
  }

  private static LocalDateTime start(String value, List<Problem> problems) {
    try {
      return LocalDateTime.parse(value.trim()).truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              "schedule.start",
              "schedule.start '"
                  + value
                  + "' is not a local date and time: write YYYY-MM-DDTHH:MM, e.g."
                  + " 2026-05-13T16:37, in the schedule's timezone"));
      return null;
    }
  }

  /**
   * A Quartz expression (seconds first, six or seven fields) as given; a five-field Unix one gets
   * seconds 0, its numeric days of the week shifted to Quartz's (Unix 0 or 7 = Sunday, Quartz 1),
   * and the '?' Quartz needs in one of the two day fields.
   */
  static Optional<String> cron(String value, List<Problem> problems) {
    if (blank(value)) {
      problems.add(
          new Problem(
              "schedule.cron",
              "schedule.cron is required when occurs is CRON, e.g. \"0 30 2 * * ?\" (02:30 every"
                  + " day; seconds first) or \"30 2 * * 1-5\""));
      return Optional.empty();
    }
    String expression = value.trim().replaceAll("\\s+", " ");
    String[] f = expression.split(" ");
    if (f.length == 5) {
      String dayOfMonth = f[2];
      String dayOfWeek = unixDays(f[4]);
      if (dayOfWeek.equals("*")) {
        dayOfWeek = "?";
      } else if (dayOfMonth.equals("*")) {
        dayOfMonth = "?";
      }
      expression = String.join(" ", "0", f[0], f[1], dayOfMonth, f[3], dayOfWeek);
    }
    try {
      CronExpression.validateExpression(expression);
      return Optional.of(expression);
    } catch (java.text.ParseException e) {
      problems.add(
          new Problem(
              "schedule.cron",
              "schedule.cron '"
                  + value
                  + "' is not a cron expression ("
                  + e.getMessage()
                  + "): write seconds minutes hours day-of-month month day-of-week, e.g."
                  + " \"0 30 2 * * ?\""));
      return Optional.empty();
    }
  }

  private static String unixDays(String field) {
    Matcher m = NUMBER.matcher(field);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) % 7 + 1));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
