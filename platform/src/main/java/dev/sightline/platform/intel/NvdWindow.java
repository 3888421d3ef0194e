package dev.sightline.platform.intel;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The span of NVD changes one update asks for ({@code lastModStartDate} to {@code lastModEndDate}):
 * from where the last successful update ended, or on the first update the last {@link #FIRST_SPAN};
 * split into queries of at most {@link #MAX_RANGE}, the most NVD accepts.
 *
 * @param first whether no earlier update ended anywhere (the span is then the default one)
 */
record NvdWindow(Instant start, Instant end, boolean first) {
  /** The first update's reach: older changes come from NVD files (`intel import`). */
  static final Duration FIRST_SPAN = Duration.ofDays(7);

  /**
   * Each window re-reads the end of the previous one: a record changed just before a window closed
   * can reach the API a little later. A record no newer than the stored one changes nothing.
   */
  static final Duration OVERLAP = Duration.ofMinutes(15);

  /** NVD refuses a date range longer than 120 consecutive days. */
  static final Duration MAX_RANGE = Duration.ofDays(120);

  /** NVD's largest page. */
  static final int PAGE_SIZE = 2000;

  // NVD's documented form: extended ISO-8601 with milliseconds and an explicit offset.
  private static final DateTimeFormatter NVD_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  NvdWindow {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("an NVD window starts before it ends");
    }
  }

  /** The window of an update at {@code now}, after the previous one ended (if one did). */
  static NvdWindow after(Optional<Instant> previousEnd, Instant now) {
    Instant end = now.truncatedTo(ChronoUnit.MILLIS);
    if (previousEnd.isEmpty()) {
      return new NvdWindow(end.minus(FIRST_SPAN), end, true);
    }
    Instant start = previousEnd.get().minus(OVERLAP);
    // a clock set back since the last update must not make an empty or inverted window
    return new NvdWindow(start.isBefore(end) ? start : end.minus(OVERLAP), end, false);
  }

  /** Consecutive windows of at most {@link #MAX_RANGE} covering this one. */
  List<NvdWindow> queries() {
    List<NvdWindow> parts = new ArrayList<>();
    for (Instant from = start; from.isBefore(end); from = from.plus(MAX_RANGE)) {
      Instant to = from.plus(MAX_RANGE).isBefore(end) ? from.plus(MAX_RANGE) : end;
      parts.add(new NvdWindow(from, to, first));
    }
    return parts;
  }

  /** The URL of one page of this window's changes. */
  URI page(URI base, long startIndex) {
    String text = base.toString();
    return URI.create(
        text
            + (base.getRawQuery() == null ? "?" : "&")
            + "lastModStartDate="
            + nvdTime(start)
            + "&lastModEndDate="
            + nvdTime(end)
            + "&resultsPerPage="
            + PAGE_SIZE
            + "&startIndex="
            + startIndex);
  }

  static String nvdTime(Instant instant) {
    return NVD_TIME.format(instant) + "%2B00:00";
  }

  /** For the load's name and the command's line: what span of changes was asked for. */
  String describe() {
    return "changes from " + start + " to " + end;
  }
}
