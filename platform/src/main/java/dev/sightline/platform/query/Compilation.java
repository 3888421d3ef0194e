package dev.sightline.platform.query;

import dev.sightline.query.Position;
import java.util.ArrayList;
import java.util.List;

/** One compile's state: the values bound so far and the next fresh alias. */
final class Compilation {
  private final List<Object> params = new ArrayList<>();
  private final int maxParams;
  private int aliases;

  Compilation(int maxParams) {
    this.maxParams = maxParams;
  }

  /** Binds a value; returns its placeholder. */
  String bind(Object value, Position at) {
    if (params.size() >= maxParams) {
      throw Values.error(
          "The query is too large: it would compare more than " + maxParams + " values",
          at,
          "",
          List.of("a query with fewer terms or list values"));
    }
    if (value instanceof String text && text.indexOf('\0') >= 0) {
      // PostgreSQL text cannot hold NUL, so no stored value could match it.
      throw Values.error(
          "A value may not contain the NUL character (at " + at + ")",
          at,
          "NUL",
          List.of("a value without NUL"));
    }
    params.add(value);
    return "?";
  }

  /** A fresh alias for a subquery's row, {@code q1}, {@code q2} … */
  String alias() {
    return "q" + ++aliases;
  }

  /** A template with {@code {r}} the row and fresh aliases for {@code {e}} and {@code {e2}}. */
  String expand(String template, String row) {
    String e = alias();
    return template.replace("{r}", row).replace("{e2}", e + "x").replace("{e}", e);
  }

  List<Object> params() {
    return params;
  }
}
