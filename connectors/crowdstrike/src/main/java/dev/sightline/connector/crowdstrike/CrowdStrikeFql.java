package dev.sightline.connector.crowdstrike;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds Falcon Query Language filters: {@code field:>='2024-01-01T00:00:00Z'}, joined with {@code
 * +} (AND). Values are single-quoted with quotes and backslashes escaped; the filter is URL-encoded
 * later, with the rest of the query.
 */
final class CrowdStrikeFql {

  private CrowdStrikeFql() {}

  /** {@code field:>='instant'}: records at or after {@code from} (second or finer precision). */
  static String atOrAfter(String field, Instant from) {
    return requireField(field) + ":>=" + quote(DateTimeFormatter.ISO_INSTANT.format(from));
  }

  /** {@code field:'value'}: exact match. */
  static String equalTo(String field, String value) {
    return requireField(field) + ":" + quote(value);
  }

  /** {@code field:['a','b']}: any of the values. */
  static String anyOf(String field, java.util.List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one value for " + field);
    }
    return requireField(field)
        + ":["
        + values.stream().map(CrowdStrikeFql::quote).collect(Collectors.joining(","))
        + "]";
  }

  /** {@code a+b+c}, skipping blank parts. */
  static String and(String... clauses) {
    return Arrays.stream(clauses)
        .filter(Objects::nonNull)
        .filter(c -> !c.isBlank())
        .collect(Collectors.joining("+"));
  }

  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String requireField(String field) {
    if (!field.matches("[a-z_][a-z0-9_.]*")) {
      throw new IllegalArgumentException("not an FQL field name: " + field);
    }
    return field;
  }
}
