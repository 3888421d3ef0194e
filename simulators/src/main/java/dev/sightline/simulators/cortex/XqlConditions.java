package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Compiles {@code filter} conditions against a schema, with XQL's comparison rules. */
final class XqlConditions {
  private XqlConditions() {}

  static Predicate<Object[]> compile(XqlQuery.Filter filter, XqlSchema schema) {
    List<Predicate<Object[]>> anyOf = new ArrayList<>();
    for (List<XqlQuery.Condition> all : filter.anyOf()) {
      Predicate<Object[]> conjunction = row -> true;
      for (XqlQuery.Condition c : all) {
        conjunction = conjunction.and(condition(c, schema));
      }
      anyOf.add(conjunction);
    }
    return row -> {
      for (Predicate<Object[]> p : anyOf) {
        if (p.test(row)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<Object[]> condition(XqlQuery.Condition c, XqlSchema schema) {
    int column = schema.require(c.field(), "filter");
    XqlSchema.Type type = schema.type(column);
    if (type == XqlSchema.Type.ARRAY) {
      throw new XqlException(
          "cannot compare the array field '" + c.field() + "'; arrayexpand it first");
    }
    for (Object value : c.values()) {
      boolean number = value instanceof Double;
      if (number != (type == XqlSchema.Type.NUMBER)) {
        throw new XqlException(
            "type mismatch in filter: '"
                + c.field()
                + "' is "
                + type
                + " but "
                + value
                + " is "
                + (number ? "a number" : "a string"));
      }
    }
    List<Object> values = c.values().stream().map(XqlConditions::key).toList();
    Object value = values.get(0);
    return switch (c.operator()) {
      case "in" -> row -> row[column] != null && values.contains(key(row[column]));
      case "=" -> row -> row[column] != null && key(row[column]).equals(value);
      case "!=" -> row -> row[column] != null && !key(row[column]).equals(value);
      case ">" -> row -> row[column] != null && compare(row[column], value) > 0;
      case ">=" -> row -> row[column] != null && compare(row[column], value) >= 0;
      case "<" -> row -> row[column] != null && compare(row[column], value) < 0;
      default -> row -> row[column] != null && compare(row[column], value) <= 0;
    };
  }

  /** Numbers compare by value whether Long or Double; strings as they are. */
  static Object key(Object value) {
    return value instanceof Number n ? (Object) n.doubleValue() : value;
  }

  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    Object x = key(a);
    Object y = key(b);
    return ((Comparable<Object>) x).compareTo(y);
  }

  static int compareNullsLast(Object a, Object b, boolean ascending) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? 1 : -1;
    }
    int c = compare(a, b);
    return ascending ? c : -c;
  }
}
