package dev.sightline.simulators.crowdstrike;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filterable fields of one API resource and the compiler from a parsed {@link Fql} tree to a
 * predicate. Timestamps compare in epoch milliseconds; a missing timestamp ({@link #MISSING})
 * matches no range or equality, as in Elasticsearch.
 */
final class FqlFields<T> {
  static final long MISSING = Long.MIN_VALUE;
  private static final Pattern RELATIVE = Pattern.compile("now(?:([+-])(\\d+)([smhd]))?");

  private enum Kind {
    STRING,
    STRINGS,
    BOOLEAN,
    TIMESTAMP,
    NUMBER
  }

  private record Field<T>(
      Kind kind,
      Function<T, String> text,
      Predicate<T> bool,
      ToLongFunction<T> millis,
      ToDoubleFunction<T> number,
      Function<T, List<String>> texts) {
    Field(
        Kind kind,
        Function<T, String> text,
        Predicate<T> bool,
        ToLongFunction<T> millis,
        ToDoubleFunction<T> number) {
      this(kind, text, bool, millis, number, null);
    }
  }

  /** Inclusive bounds in epoch milliseconds implied by the filter's top-level AND terms. */
  record TimeRange(long minMillis, long maxMillis) {
    static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    TimeRange intersect(long min, long max) {
      return new TimeRange(Math.max(minMillis, min), Math.min(maxMillis, max));
    }
  }

  record Compiled<T>(Predicate<T> predicate, Map<String, TimeRange> ranges) {
    TimeRange range(String field) {
      return ranges.getOrDefault(field, TimeRange.ALL);
    }
  }

  private final String resource;
  private final Map<String, Field<T>> fields = new HashMap<>();
  private final Set<String> notSimulated = new HashSet<>();

  FqlFields(String resource) {
    this.resource = resource;
  }

  FqlFields<T> string(String name, Function<T, String> accessor) {
    fields.put(name, new Field<>(Kind.STRING, accessor, null, null, null));
    return this;
  }

  /**
   * A multi-valued field (an array, or an array of objects' one property): matches when any value
   * does.
   */
  FqlFields<T> strings(String name, Function<T, List<String>> accessor) {
    fields.put(name, new Field<>(Kind.STRINGS, null, null, null, null, accessor));
    return this;
  }

  FqlFields<T> bool(String name, Predicate<T> accessor) {
    fields.put(name, new Field<>(Kind.BOOLEAN, null, accessor, null, null));
    return this;
  }

  FqlFields<T> timestamp(String name, ToLongFunction<T> epochMillis) {
    fields.put(name, new Field<>(Kind.TIMESTAMP, null, null, epochMillis, null));
    return this;
  }

  FqlFields<T> number(String name, ToDoubleFunction<T> accessor) {
    fields.put(name, new Field<>(Kind.NUMBER, null, null, null, accessor));
    return this;
  }

  /** Fields the vendor accepts but the simulator does not model: refused with a clear message. */
  FqlFields<T> notSimulated(String... names) {
    notSimulated.addAll(List.of(names));
    return this;
  }

  Compiled<T> compile(String filter, Instant now) {
    Fql.Node root = Fql.parse(filter);
    Predicate<T> predicate = compile(root, now);
    Map<String, TimeRange> ranges = new HashMap<>();
    List<Fql.Node> terms = root instanceof Fql.And and ? and.parts() : List.of(root);
    for (Fql.Node term : terms) {
      if (term instanceof Fql.Condition c
          && !c.negated()
          && !c.list()
          && fields.get(c.field()).kind() == Kind.TIMESTAMP) {
        long v = timestamp(c.field(), c.values().get(0), now);
        TimeRange r = ranges.getOrDefault(c.field(), TimeRange.ALL);
        ranges.put(
            c.field(),
            switch (c.op()) {
              case GT -> r.intersect(v + 1, Long.MAX_VALUE);
              case GTE -> r.intersect(v, Long.MAX_VALUE);
              case LT -> r.intersect(Long.MIN_VALUE, v - 1);
              case LTE -> r.intersect(Long.MIN_VALUE, v);
              case EQ -> r.intersect(v, v);
            });
      }
    }
    return new Compiled<>(predicate, Map.copyOf(ranges));
  }

  private Predicate<T> compile(Fql.Node node, Instant now) {
    if (node instanceof Fql.And and) {
      List<Predicate<T>> parts = and.parts().stream().map(p -> compile(p, now)).toList();
      return t -> {
        for (Predicate<T> p : parts) {
          if (!p.test(t)) {
            return false;
          }
        }
        return true;
      };
    }
    if (node instanceof Fql.Or or) {
      List<Predicate<T>> parts = or.parts().stream().map(p -> compile(p, now)).toList();
      return t -> {
        for (Predicate<T> p : parts) {
          if (p.test(t)) {
            return true;
          }
        }
        return false;
      };
    }
    Fql.Condition c = (Fql.Condition) node;
    Predicate<T> positive = condition(c, now);
    return c.negated() ? positive.negate() : positive;
  }

  private Predicate<T> condition(Fql.Condition c, Instant now) {
    Field<T> field = fields.get(c.field());
    if (field == null) {
      if (notSimulated.contains(c.field())) {
        throw new FqlException(
            "Invalid filter: field '"
                + c.field()
                + "' is valid for "
                + resource
                + " but not supported by the Sightline simulator");
      }
      throw new FqlException(
          "Invalid filter: unknown field '"
              + c.field()
              + "' for "
              + resource
              + "; filterable fields: "
              + String.join(", ", new TreeSet<>(fields.keySet())));
    }
    if (c.list() && c.op() != Fql.Op.EQ) {
      throw new FqlException(
          "Invalid filter: a value list cannot be used with a range operator on '"
              + c.field()
              + "'");
    }
    return switch (field.kind()) {
      case STRING -> stringCondition(c, field);
      case STRINGS -> stringsCondition(c, field);
      case BOOLEAN -> booleanCondition(c, field);
      case TIMESTAMP -> timestampCondition(c, field, now);
      case NUMBER -> numberCondition(c, field);
    };
  }

  private Predicate<T> stringCondition(Fql.Condition c, Field<T> field) {
    if (c.op() != Fql.Op.EQ) {
      throw new FqlException(
          "Invalid filter: range operators are not supported on '" + c.field() + "'");
    }
    Function<T, String> accessor = field.text();
    if (c.values().size() == 1) {
      String expected = c.values().get(0);
      return t -> expected.equals(accessor.apply(t));
    }
    Set<String> expected = Set.copyOf(c.values());
    return t -> {
      String v = accessor.apply(t);
      return v != null && expected.contains(v);
    };
  }

  private Predicate<T> stringsCondition(Fql.Condition c, Field<T> field) {
    if (c.op() != Fql.Op.EQ) {
      throw new FqlException(
          "Invalid filter: range operators are not supported on '" + c.field() + "'");
    }
    Function<T, List<String>> accessor = field.texts();
    Set<String> expected = Set.copyOf(c.values());
    return t -> {
      for (String v : accessor.apply(t)) {
        if (expected.contains(v)) {
          return true;
        }
      }
      return false;
    };
  }

  private Predicate<T> booleanCondition(Fql.Condition c, Field<T> field) {
    if (c.op() != Fql.Op.EQ) {
      throw new FqlException(
          "Invalid filter: range operators are not supported on '" + c.field() + "'");
    }
    Set<Boolean> expected = new HashSet<>();
    for (String v : c.values()) {
      if (!v.equals("true") && !v.equals("false")) {
        throw new FqlException(
            "Invalid filter: '" + c.field() + "' takes true or false, not '" + v + "'");
      }
      expected.add(Boolean.valueOf(v));
    }
    Predicate<T> accessor = field.bool();
    return t -> expected.contains(accessor.test(t));
  }

  private Predicate<T> timestampCondition(Fql.Condition c, Field<T> field, Instant now) {
    ToLongFunction<T> accessor = field.millis();
    long[] values = c.values().stream().mapToLong(v -> timestamp(c.field(), v, now)).toArray();
    long v = values[0];
    return switch (c.op()) {
      case GT -> t -> present(accessor.applyAsLong(t)) && accessor.applyAsLong(t) > v;
      case GTE -> t -> present(accessor.applyAsLong(t)) && accessor.applyAsLong(t) >= v;
      case LT -> t -> present(accessor.applyAsLong(t)) && accessor.applyAsLong(t) < v;
      case LTE -> t -> present(accessor.applyAsLong(t)) && accessor.applyAsLong(t) <= v;
      case EQ ->
          t -> {
            long actual = accessor.applyAsLong(t);
            if (!present(actual)) {
              return false;
            }
            for (long candidate : values) {
              if (candidate == actual) {
                return true;
              }
            }
            return false;
          };
    };
  }

  private Predicate<T> numberCondition(Fql.Condition c, Field<T> field) {
    ToDoubleFunction<T> accessor = field.number();
    double[] values = new double[c.values().size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Double.parseDouble(c.values().get(i));
      } catch (NumberFormatException e) {
        throw new FqlException(
            "Invalid filter: '" + c.field() + "' takes a number, not '" + c.values().get(i) + "'");
      }
    }
    double v = values[0];
    return switch (c.op()) {
      case GT -> t -> accessor.applyAsDouble(t) > v;
      case GTE -> t -> accessor.applyAsDouble(t) >= v;
      case LT -> t -> accessor.applyAsDouble(t) < v;
      case LTE -> t -> accessor.applyAsDouble(t) <= v;
      case EQ ->
          t -> {
            double actual = accessor.applyAsDouble(t);
            for (double candidate : values) {
              if (candidate == actual) {
                return true;
              }
            }
            return false;
          };
    };
  }

  private static boolean present(long millis) {
    return millis != MISSING;
  }

  /** Parses 'YYYY-MM-DDTHH:MM:SS[.mmm]Z' (or an offset), 'YYYY-MM-DD', and now[-+]N[smhd]. */
  static long timestamp(String field, String value, Instant now) {
    Matcher m = RELATIVE.matcher(value);
    if (m.matches()) {
      if (m.group(1) == null) {
        return now.toEpochMilli();
      }
      long amount =
          Long.parseLong(m.group(2))
              * switch (m.group(3)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
              };
      return now.toEpochMilli() + (m.group(1).equals("-") ? -amount : amount);
    }
    try {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new FqlException(
            "Invalid filter: '"
                + value
                + "' is not a timestamp for '"
                + field
                + "'; use 'YYYY-MM-DDTHH:MM:SSZ'");
      }
    }
  }
}
