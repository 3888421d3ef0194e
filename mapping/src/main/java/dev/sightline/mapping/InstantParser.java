package dev.sightline.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads the timestamp shapes vendors send into UTC instants: ISO-8601 with {@code Z} or an offset
 * (with or without fractions of a second), epoch milliseconds as digits, and, assumed to be UTC, a
 * date-time without zone or a bare date.
 */
final class InstantParser {

  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");

  // "+0000" without a colon is common in vendor APIs and not accepted by ISO_OFFSET_DATE_TIME.
  private static final DateTimeFormatter COMPACT_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHmm", "Z")
          .toFormatter();

  private InstantParser() {}

  static Instant parseText(String raw) {
    String text = raw.trim();
    if (EPOCH_MILLIS.matcher(text).matches()) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new ConversionException(
            ValueText.quote(raw) + " is too large for epoch milliseconds");
      }
    }
    // Most vendor timestamps carry an offset or Z, so that shape is tried first.
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ConversionException(
          ValueText.quote(raw) + " is neither an ISO-8601 timestamp nor epoch milliseconds");
    }
  }

  static Instant fromEpochMillis(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
