package dev.sightline.platform.query;

import dev.sightline.platform.errors.InvalidRequestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a keyset page ended: the order it was in ({@code sort}, {@code desc}), the last row's sort
 * value and id. Handed out opaque ({@link #encode}, URL-safe base64) and read back with {@link
 * #decode}; a cursor is only valid for the order that gave it out.
 *
 * @param value the last row's sort value: null, a Long, BigDecimal, Double, Instant or String
 */
public record KeysetCursor(String sort, boolean desc, Object value, long id) {
  private static final String VERSION = "k1";

  public KeysetCursor {
    Objects.requireNonNull(sort, "sort");
    value = normalized(value);
  }

  /** Reads the value as JDBC gives it ({@code getObject}): numbers, timestamps, text. */
  static Object normalized(Object value) {
    if (value == null
        || value instanceof Long
        || value instanceof BigDecimal
        || value instanceof Double
        || value instanceof Instant
        || value instanceof String) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    throw new IllegalArgumentException("a sort value of type " + value.getClass().getName());
  }

  public String encode() {
    String kind;
    String text;
    if (value == null) {
      kind = "N";
      text = "";
    } else if (value instanceof Long l) {
      kind = "L";
      text = l.toString();
    } else if (value instanceof BigDecimal d) {
      kind = "D";
      text = d.toPlainString();
    } else if (value instanceof Double d) {
      kind = "F";
      text = Double.toString(d);
    } else if (value instanceof Instant i) {
      kind = "T";
      text = i.toString();
    } else {
      kind = "S";
      text = (String) value;
    }
    String plain =
        String.join("\n", VERSION, sort, desc ? "d" : "a", Long.toString(id), kind, text);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws InvalidRequestException (field {@code after}) when the text is not a cursor
   */
  public static KeysetCursor decode(String cursor) {
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      String[] p = plain.split("\n", 6);
      if (p.length != 6 || !p[0].equals(VERSION) || !(p[2].equals("a") || p[2].equals("d"))) {
        throw notACursor();
      }
      Object value =
          switch (p[4]) {
            case "N" -> null;
            case "L" -> Long.valueOf(p[5]);
            case "D" -> new BigDecimal(p[5]);
            case "F" -> Double.valueOf(p[5]);
            case "T" -> Instant.parse(p[5]);
            case "S" -> p[5];
            default -> throw notACursor();
          };
      return new KeysetCursor(p[1], p[2].equals("d"), value, Long.parseLong(p[3]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw notACursor();
    }
  }

  private static InvalidRequestException notACursor() {
    return new InvalidRequestException(
        "after", "after must be a cursor a previous page gave out (its 'next' value)");
  }
}
