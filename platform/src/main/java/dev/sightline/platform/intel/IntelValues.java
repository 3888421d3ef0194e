package dev.sightline.platform.intel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing and checking of the values the feeds carry. Each check throws {@link IntelFileException}
 * with the place in the file, so every reader reports problems alike.
 */
final class IntelValues {
  /** The KEV schema's pattern; NVD and EPSS use the same identifiers. */
  private static final Pattern CVE_ID = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");

  /** EPSS writes offsets as {@code +0000} in older files and {@code Z} in newer ones. */
  private static final DateTimeFormatter OFFSET_NO_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx", Locale.ROOT);

  private IntelValues() {}

  /** Where a value sits: file, line and field, for messages. */
  record Place(String file, long line, String field) {
    @Override
    public String toString() {
      return file + ", line " + line + (field.isEmpty() ? "" : ", " + field);
    }
  }

  static IntelFileException problem(Place place, String what, String todo) {
    return new IntelFileException(
        place + ": " + what + ". " + todo + " Nothing from this file was imported.");
  }

  static String cveId(Place place, String value) {
    String id = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    if (!CVE_ID.matcher(id).matches()) {
      throw problem(
          place,
          value == null
              ? "the CVE id is missing"
              : "'" + value + "' is not a CVE id (CVE-YYYY-NNNN)",
          "Fix the record or re-download the file from its publisher.");
    }
    return id;
  }

  static LocalDate date(Place place, String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.trim());
    } catch (DateTimeParseException e) {
      throw problem(
          place,
          value == null ? "the date is missing" : "'" + value + "' is not a date (YYYY-MM-DD)",
          "Fix the record or re-download the file from its publisher.");
    }
  }

  /** An ISO timestamp; a missing offset means UTC, as in NVD's {@code 2025-07-08T19:15:42.800}. */
  static Instant instant(Place place, String value) {
    String text = value == null ? "" : value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notIso) {
      try {
        return OffsetDateTime.parse(text, OFFSET_NO_COLON).toInstant();
      } catch (DateTimeParseException noColon) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw problem(
              place,
              value == null
                  ? "the timestamp is missing"
                  : "'" + value + "' is not an ISO-8601 timestamp",
              "Fix the value or re-download the file from its publisher.");
        }
      }
    }
  }

  /** A decimal within [min, max], returned as its canonical text for a SQL cast. */
  static String decimal(Place place, String value, double min, double max) {
    BigDecimal number;
    try {
      number = new BigDecimal(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw problem(
          place,
          value == null || value.isBlank()
              ? "the number is missing"
              : "'" + value + "' is not a number",
          "Fix the value or re-download the file from its publisher.");
    }
    if (number.doubleValue() < min || number.doubleValue() > max) {
      throw problem(
          place,
          number.toPlainString() + " is outside " + plain(min) + ".." + plain(max),
          "Fix the value or re-download the file from its publisher.");
    }
    return number.toPlainString();
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
