package dev.sightline.platform.normalize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Instants in UTC from whatever a vendor sends: CrowdStrike ISO-8601 strings with seconds, millis
 * or nanos ("2023-05-23T16:12:03Z", "2019-12-02T15:57:02.852608239Z"), Cortex XDR epoch
 * milliseconds (1575795969644), CrowdStrike scroll {@code expires_at} epoch nanoseconds
 * (1684860388051871405), and the same numbers as strings.
 *
 * <p>Epoch numbers are told apart by magnitude (absolute value of the whole-number part):
 *
 * <ul>
 *   <li>below 10^11: seconds (up to year 5138), fractions kept ("1684530289.5");
 *   <li>below 10^14: milliseconds (from 1973-03-03 on; earlier millisecond values would read as
 *       seconds — no vendor we ingest has data from before 1973);
 *   <li>below 10^17: microseconds;
 *   <li>otherwise: nanoseconds.
 * </ul>
 *
 * <p>Zero and negative numbers give empty: vendors send 0 for "never" (and "null" as a string —
 * Cortex {@code isolated_date}), and no asset or finding predates 1970. Text without an offset, and
 * a {@link LocalDateTime}, are read as UTC, which is what both vendors mean.
 */
public final class Timestamps {
  static final BigDecimal SECONDS_BELOW = BigDecimal.valueOf(100_000_000_000L);
  static final BigDecimal MILLIS_BELOW = BigDecimal.valueOf(100_000_000_000_000L);
  static final BigDecimal MICROS_BELOW = BigDecimal.valueOf(100_000_000_000_000_000L);

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SPACE_BETWEEN_DATE_AND_TIME =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

  /** ISO local date-time, then an optional offset in any of "Z", "+02:00", "+0200", "+02". */
  private static final DateTimeFormatter ISO_ANY_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  private Timestamps() {}

  public static Optional<Instant> utc(Object raw) {
    try {
      return fromObject(raw);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return Optional.empty(); // out of Instant's range or malformed: bad input, not a bug
    }
  }

  private static Optional<Instant> fromObject(Object raw) {
    if (raw instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (raw instanceof OffsetDateTime odt) {
      return Optional.of(odt.toInstant());
    }
    if (raw instanceof ZonedDateTime zdt) {
      return Optional.of(zdt.toInstant());
    }
    if (raw instanceof LocalDateTime ldt) {
      return Optional.of(ldt.toInstant(ZoneOffset.UTC));
    }
    if (raw instanceof LocalDate date) {
      return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (raw instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (raw instanceof Number number) {
      return fromNumber(number);
    }
    if (raw instanceof CharSequence text) {
      return fromText(text.toString());
    }
    return Optional.empty();
  }

  private static Optional<Instant> fromNumber(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? fromEpoch(BigDecimal.valueOf(d)) : Optional.empty();
    }
    if (number instanceof BigDecimal big) {
      return fromEpoch(big);
    }
    if (number instanceof BigInteger big) {
      return fromEpoch(new BigDecimal(big));
    }
    return fromEpoch(BigDecimal.valueOf(number.longValue()));
  }

  private static Optional<Instant> fromEpoch(BigDecimal value) {
    if (value.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
    BigDecimal nanosPerUnit;
    if (whole.compareTo(SECONDS_BELOW) < 0) {
      nanosPerUnit = BigDecimal.valueOf(1_000_000_000L);
    } else if (whole.compareTo(MILLIS_BELOW) < 0) {
      nanosPerUnit = BigDecimal.valueOf(1_000_000L);
    } else if (whole.compareTo(MICROS_BELOW) < 0) {
      nanosPerUnit = BigDecimal.valueOf(1_000L);
    } else {
      nanosPerUnit = BigDecimal.ONE;
    }
    BigInteger[] secondsAndNanos =
        value
            .multiply(nanosPerUnit)
            .toBigInteger()
            .divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    return Optional.of(
        Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
  }

  private static Optional<Instant> fromText(String raw) {
    Optional<String> cleaned = RawText.clean(raw);
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    String text = cleaned.get();
    if (NUMBER.matcher(text).matches()) {
      return fromEpoch(new BigDecimal(text));
    }
    if (DATE_ONLY.matcher(text).matches()) {
      return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    String iso = SPACE_BETWEEN_DATE_AND_TIME.matcher(text).replaceFirst("$1T$2");
    Optional<Instant> parsed = parseIso(iso);
    return parsed.isPresent() ? parsed : parseRfc1123(text);
  }

  private static Optional<Instant> parseIso(String text) {
    try {
      TemporalAccessor t = ISO_ANY_OFFSET.parse(text);
      LocalDateTime local = LocalDateTime.from(t);
      ZoneOffset offset =
          t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
      return Optional.of(local.toInstant(offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** HTTP dates ("Tue, 3 Jun 2008 11:05:30 GMT"), as some exports carry them. */
  private static Optional<Instant> parseRfc1123(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
