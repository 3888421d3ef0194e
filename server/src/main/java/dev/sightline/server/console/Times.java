package dev.sightline.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times and durations read on every console page: one format, in UTC (the zone the API answers
 * in), so that a time on a page can be found in the API's answer.
 */
public final class Times {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Times() {}

  /** To the minute; empty for none. */
  public static String minute(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /** To the second; empty for none. */
  public static String second(Instant at) {
    return at == null ? "" : SECOND.format(at);
  }

  /** "850 ms", "12 s", "3 min 05 s", "1 h 02 min"; empty for none. */
  public static String duration(Duration d) {
    if (d == null || d.isNegative()) {
      return "";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
