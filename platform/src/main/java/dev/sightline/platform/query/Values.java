package dev.sightline.platform.query;

import dev.sightline.platform.normalize.Ip;
import dev.sightline.platform.normalize.IpAddresses;
import dev.sightline.platform.normalize.MacAddresses;
import dev.sightline.query.Position;
import dev.sightline.query.QuerySyntaxException;
import dev.sightline.query.Value;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a value as its token's type does: numbers, dates (ISO day, ISO instant, {@code now-7d}), IP
 * addresses and CIDR blocks, MAC addresses, booleans. Ordered values become a span: a day is the
 * half-open {@code [00:00, next 00:00)}, everything else a single point.
 */
final class Values {
  private static final Pattern DATE_MATH = Pattern.compile("(?i:now)((?:[+-]\\d{1,6}[smhdwMy])*)");
  private static final Pattern STEP = Pattern.compile("([+-])(\\d{1,6})([smhdwMy])");

  private final Clock clock;

  Values(Clock clock) {
    this.clock = clock;
  }

  /** A value as a span of the token's order; {@code high} is excluded unless {@code closed}. */
  record Span(Object low, Object high, boolean closed) {
    static Span point(Object value) {
      return new Span(value, value, true);
    }

    boolean isPoint() {
      return closed && low.equals(high);
    }
  }

  /** An IP value: an address (a point) or a CIDR block. */
  record IpValue(String text, boolean block) {}

  Span number(Token t, Value v) {
    BigDecimal n;
    try {
      n = new BigDecimal(v.text().trim());
    } catch (NumberFormatException e) {
      throw bad(t, v, "a number, e.g. " + t.example());
    }
    if (t.integral()) {
      try {
        return Span.point(n.longValueExact());
      } catch (ArithmeticException e) {
        throw bad(t, v, "a whole number");
      }
    }
    return Span.point(t.floating() ? (Object) n.doubleValue() : n);
  }

  Span date(Token t, Value v) {
    String text = v.text().trim();
    Matcher math = DATE_MATH.matcher(text);
    if (math.matches()) {
      return Span.point(dateMath(math.group(1)));
    }
    try {
      LocalDate day = LocalDate.parse(text);
      return new Span(
          day.atStartOfDay(ZoneOffset.UTC).toInstant(),
          day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
          false);
    } catch (DateTimeParseException notADay) {
      try {
        return Span.point(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException notAnInstant) {
        throw bad(t, v, "a date (2026-01-31), an instant (2026-01-31T12:00:00Z) or now-7d");
      }
    }
  }

  private Instant dateMath(String steps) {
    ZonedDateTime at = clock.instant().atZone(ZoneOffset.UTC);
    Matcher m = STEP.matcher(steps);
    while (m.find()) {
      long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
      at =
          switch (m.group(3)) {
            case "s" -> at.plusSeconds(n);
            case "m" -> at.plusMinutes(n);
            case "h" -> at.plusHours(n);
            case "d" -> at.plusDays(n);
            case "w" -> at.plusWeeks(n);
            case "M" -> at.plusMonths(n);
            default -> at.plusYears(n);
          };
    }
    return at.toInstant();
  }

  IpValue ip(Token t, Value v) {
    String text = v.text().trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    Optional<Ip> ip =
        address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)
            ? Optional.empty()
            : IpAddresses.parse(address);
    if (ip.isEmpty()) {
      throw bad(t, v, "an IP address (10.0.0.1) or a CIDR block (10.0.0.0/8)");
    }
    if (slash < 0) {
      return new IpValue(ip.get().canonical(), false);
    }
    int max = ip.get().version() == 4 ? 32 : 128;
    String bits = text.substring(slash + 1);
    if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
      throw bad(t, v, "a CIDR block with a prefix length of 0 to " + max);
    }
    return new IpValue(ip.get().canonical() + "/" + Integer.parseInt(bits), true);
  }

  String mac(Token t, Value v) {
    return MacAddresses.parse(v.text())
        .orElseThrow(() -> bad(t, v, "a MAC address (00:1b:a9:00:00:01) or a prefix with *"))
        .canonical();
  }

  boolean bool(Token t, Value v) {
    return switch (v.text().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(t, v, "true or false");
    };
  }

  static QuerySyntaxException bad(Token t, Value v, String expected) {
    return error(
        t.name() + " takes " + expected + "; '" + v.text() + "' is not one (at " + v.at() + ")",
        v.at(),
        v.text(),
        List.of(expected));
  }

  static QuerySyntaxException error(
      String message, Position at, String found, List<String> expected) {
    return new QuerySyntaxException(message, at, found, expected);
  }
}
