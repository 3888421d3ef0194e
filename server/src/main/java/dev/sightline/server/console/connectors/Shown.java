package dev.sightline.server.console.connectors;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times, durations and counts read on these pages: one format everywhere, in UTC (the zone the
 * API answers in), so that a time on the page can be found in the API's answer.
 */
final class Shown {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Shown() {}

  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  /** "850 ms", "12 s", "3 min 05 s", "1 h 02 min". */
  static String duration(Duration d) {
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

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The seeds' state words: Registered, Scheduled, Processing, Processed, Errored. */
  static String word(String state) {
    if (state == null || state.isEmpty()) {
      return "";
    }
    String lower = state.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
