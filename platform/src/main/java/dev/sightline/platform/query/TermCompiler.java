package dev.sightline.platform.query;

import dev.sightline.query.Condition;
import dev.sightline.query.Position;
import dev.sightline.query.Value;
import dev.sightline.query.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One term as a condition on one row of its token's scope ({@code {r}}). Every condition it writes
 * is true or false, never NULL, so NOT and OR mean what they say: a missing value matches no value
 * and NOT of it matches.
 */
final class TermCompiler {
  private static final Pattern PLAIN_COLUMN = Pattern.compile("[a-z0-9]+\\.[a-z_]+");

  private final Values values;
  private final SourceLabels labels;

  TermCompiler(Values values, SourceLabels labels) {
    this.values = values;
    this.labels = labels;
  }

  static Operator operatorOf(Condition c) {
    if (c instanceof Condition.Compares cmp) {
      return switch (cmp.op()) {
        case GT -> Operator.GREATER;
        case GE -> Operator.GREATER_OR_EQUAL;
        case LT -> Operator.LESS;
        case LE -> Operator.LESS_OR_EQUAL;
      };
    }
    if (c instanceof Condition.Between) {
      return Operator.RANGE;
    }
    if (c instanceof Condition.OneOf) {
      return Operator.ONE_OF;
    }
    if (c instanceof Condition.IsNull) {
      return Operator.IS_NULL;
    }
    if (c instanceof Condition.NotNull) {
      return Operator.NOT_NULL;
    }
    return Operator.MATCHES;
  }

  String onRow(Token t, Condition c, Position at, String row, Compilation q) {
    check(t, c, at);
    Accessor a = t.accessor();
    if (a instanceof Accessor.Column col) {
      return column(t, c, at, q.expand(col.expression(), row), col, q);
    }
    if (a instanceof Accessor.Elements el) {
      return elements(t, c, at, row, el, q);
    }
    if (a instanceof Accessor.Label label) {
      return label(c, at, row, label, q);
    }
    if (a instanceof Accessor.Lookup lookup) {
      return lookup(t, c, at, row, lookup, q);
    }
    return connector(c, row, q);
  }

  /** The operator is one the token takes. */
  static void check(Token t, Condition c, Position at) {
    Operator op = operatorOf(c);
    if (!t.operators().contains(op)) {
      throw Values.error(
          t.name() + " does not take '" + op.symbol() + "' (at " + at + "); it takes " + allowed(t),
          at,
          op.symbol(),
          t.describe().operators());
    }
  }

  private static String allowed(Token t) {
    return String.join(", ", t.describe().operators());
  }

  private String column(
      Token t, Condition c, Position at, String e, Accessor.Column col, Compilation q) {
    if (c instanceof Condition.IsNull) {
      return e + " IS NULL";
    }
    if (c instanceof Condition.NotNull) {
      return e + " IS NOT NULL";
    }
    String p = value(t, c, at, e, q);
    if (!col.nullable()) {
      return p;
    }
    // A plain column keeps the form an index serves; an expression is made two-valued instead.
    return PLAIN_COLUMN.matcher(e).matches()
        ? "(" + e + " IS NOT NULL AND " + p + ")"
        : "coalesce(" + p + ", false)";
  }

  private String elements(
      Token t, Condition c, Position at, String row, Accessor.Elements el, Compilation q) {
    String e = q.alias();
    String from = el.from().replace("{r}", row).replace("{e}", e);
    String v = el.value().replace("{e}", e);
    if (c instanceof Condition.IsNull || c instanceof Condition.NotNull) {
      String any = "EXISTS (SELECT 1 FROM " + from + " AND " + v + " IS NOT NULL)";
      return c instanceof Condition.NotNull ? any : "NOT " + any;
    }
    return "EXISTS (SELECT 1 FROM " + from + " AND " + value(t, c, at, v, q) + ")";
  }

  /**
   * A looked-up value as membership of the row's key. A row without a match (no key, no row in the
   * table, a NULL value) matches no value, and NOT of it matches, as for a column.
   */
  private String lookup(
      Token t, Condition c, Position at, String row, Accessor.Lookup lookup, Compilation q) {
    String e = q.alias();
    String v = lookup.value().replace("{e}", e);
    Function<String, String> whereValue =
        condition ->
            "coalesce("
                + row
                + "."
                + lookup.rowKey()
                + " IN (SELECT "
                + e
                + "."
                + lookup.key()
                + " FROM "
                + lookup.table()
                + " "
                + e
                + " WHERE "
                + condition
                + "), false)";
    if (c instanceof Condition.IsNull || c instanceof Condition.NotNull) {
      String present = whereValue.apply(v + " IS NOT NULL");
      return c instanceof Condition.NotNull ? present : "NOT " + present;
    }
    if (t.type() == TokenType.BOOLEAN) {
      String yes = whereValue.apply(v);
      return or(listed(c).stream().map(b -> values.bool(t, b) ? yes : "NOT " + yes).toList());
    }
    return whereValue.apply(value(t, c, at, v, q));
  }

  private String label(Condition c, Position at, String row, Accessor.Label label, Compilation q) {
    Set<String> types = new LinkedHashSet<>();
    for (Value v : listed(c)) {
      types.addAll(labels.typesWhere(label.product(), s -> TextMatch.matches(v, s)));
    }
    if (types.isEmpty()) {
      return "false";
    }
    String e = q.alias();
    String g = q.alias();
    // The uncorrelated guard is evaluated once per query (a one-time filter): when no connector of
    // these types exists, PostgreSQL skips the probe of every row's detections, which on a large
    // inventory with none of them otherwise walks every finding to find nothing.
    return "(EXISTS (SELECT 1 FROM connector "
        + g
        + " WHERE "
        + g
        + ".type = ANY("
        + q.bind(types.toArray(String[]::new), at)
        + ")) AND "
        + row
        + ".connector_id IN (SELECT "
        + e
        + ".id FROM connector "
        + e
        + " WHERE "
        + e
        + ".type = ANY("
        + q.bind(types.toArray(String[]::new), at)
        + ")))";
  }

  private static String connector(Condition c, String row, Compilation q) {
    List<String> any = new ArrayList<>();
    for (Value v : listed(c)) {
      if (v.kind() == ValueKind.WORD && isUuid(v.text())) {
        any.add(row + ".connector_id = " + q.bind(UUID.fromString(v.text().trim()), v.at()));
      } else {
        String e = q.alias();
        any.add(
            row
                + ".connector_id IN (SELECT "
                + e
                + ".id FROM connector "
                + e
                + " WHERE "
                + text(e + ".name", v, q)
                + ")");
      }
    }
    return or(any);
  }

  static boolean isUuid(String text) {
    try {
      UUID.fromString(text.trim());
      return text.trim().length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<Value> listed(Condition c) {
    if (c instanceof Condition.Matches m) {
      return List.of(m.value());
    }
    if (c instanceof Condition.OneOf o) {
      return o.values();
    }
    throw new IllegalStateException("checked by the operator list");
  }

  /** The condition on a present value {@code e}. */
  private String value(Token t, Condition c, Position at, String e, Compilation q) {
    return switch (t.type()) {
      case STRING -> or(listed(c).stream().map(v -> text(e, v, q)).toList());
      case MAC -> or(listed(c).stream().map(v -> mac(t, e, v, q)).toList());
      case ENUM -> enumeration(t, e, listed(c), q);
      case BOOLEAN -> or(listed(c).stream().map(v -> values.bool(t, v) ? e : "NOT " + e).toList());
      case NUMBER, DATE, IP -> new OrderedCompiler(values).compile(t, c, at, e, q);
    };
  }

  static String text(String e, Value v, Compilation q) {
    return switch (v.kind()) {
      case EXACT -> e + " = " + q.bind(v.text(), v.at());
      case PHRASE ->
          "lower(" + e + ") LIKE lower(" + q.bind(LikePatterns.contains(v.text()), v.at()) + ")";
      case WORD ->
          v.hasWildcard()
              ? "lower("
                  + e
                  + ") LIKE lower("
                  + q.bind(LikePatterns.wildcard(v.text()), v.at())
                  + ")"
              : "lower(" + e + ") = lower(" + q.bind(v.text(), v.at()) + ")";
    };
  }

  private String mac(Token t, String e, Value v, Compilation q) {
    if (v.kind() == ValueKind.WORD && !v.hasWildcard()) {
      return "lower(" + e + ") = " + q.bind(values.mac(t, v), v.at());
    }
    return text(e, v, q);
  }

  private static String enumeration(Token t, String e, List<Value> vs, Compilation q) {
    Set<String> chosen = new LinkedHashSet<>();
    for (Value v : vs) {
      Predicate<String> test = s -> TextMatch.matches(v, s);
      List<String> hits = t.values().stream().filter(test).toList();
      if (hits.isEmpty()) {
        throw Values.error(
            t.name()
                + " has no value '"
                + v.text()
                + "' (at "
                + v.at()
                + "); its values are "
                + String.join(", ", t.values()),
            v.at(),
            v.text(),
            t.values());
      }
      chosen.addAll(hits);
    }
    Position at = vs.get(0).at();
    return chosen.size() == 1
        ? e + " = " + q.bind(chosen.iterator().next(), at)
        : e + " = ANY(" + q.bind(chosen.toArray(String[]::new), at) + ")";
  }

  static String or(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
  }

  /** How a value matches a text in Java, as {@link #text} does in SQL. */
  static final class TextMatch {
    private TextMatch() {}

    static boolean matches(Value v, String s) {
      if (s == null) {
        return false;
      }
      String lower = s.toLowerCase(Locale.ROOT);
      String want = v.text().toLowerCase(Locale.ROOT);
      return switch (v.kind()) {
        case EXACT -> s.equals(v.text());
        case PHRASE -> lower.contains(want);
        case WORD -> v.hasWildcard() ? wildcard(want).matcher(lower).matches() : lower.equals(want);
      };
    }

    private static Pattern wildcard(String word) {
      List<String> parts = new ArrayList<>();
      for (String part : word.split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
    }
  }
}
