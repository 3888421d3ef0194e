package dev.sightline.platform.query;

import dev.sightline.query.Comparison;
import dev.sightline.query.Condition;
import dev.sightline.query.Position;
import dev.sightline.query.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on ordered values (numbers, dates, IP addresses): equality, comparisons, ranges and
 * lists. A day compares as the span it covers: {@code > 2026-01-31} starts the next day, {@code <=
 * 2026-01-31} ends with it. An IP is compared as an {@code inet}; a CIDR block matches the
 * addresses inside it.
 */
final class OrderedCompiler {
  private final Values values;

  OrderedCompiler(Values values) {
    this.values = values;
  }

  String compile(Token t, Condition c, Position at, String e, Compilation q) {
    if (c instanceof Condition.Matches m) {
      return matches(t, m.value(), e, q);
    }
    if (c instanceof Condition.OneOf o) {
      List<String> any = new ArrayList<>();
      for (Value v : o.values()) {
        any.add(matches(t, v, e, q));
      }
      return TermCompiler.or(any);
    }
    if (c instanceof Condition.Compares cmp) {
      return compare(cmp.op(), span(t, cmp.value()), e, q, placeholder(t), cmp.value().at());
    }
    Condition.Between b = (Condition.Between) c;
    Values.Span low = span(t, b.low());
    Values.Span high = span(t, b.high());
    String p = placeholder(t);
    return "("
        + compare(b.inclusive() ? Comparison.GE : Comparison.GT, low, e, q, p, b.low().at())
        + " AND "
        + compare(b.inclusive() ? Comparison.LE : Comparison.LT, high, e, q, p, b.high().at())
        + ")";
  }

  private String matches(Token t, Value v, String e, Compilation q) {
    if (t.type() == TokenType.IP) {
      Values.IpValue ip = values.ip(t, v);
      return e + (ip.block() ? " <<= " : " = ") + q.bind(ip.text(), v.at()) + "::inet";
    }
    Values.Span s = span(t, v);
    String p = placeholder(t);
    if (s.isPoint()) {
      return e + " = " + q.bind(s.low(), v.at()) + p;
    }
    return "("
        + e
        + " >= "
        + q.bind(s.low(), v.at())
        + p
        + " AND "
        + e
        + (s.closed() ? " <= " : " < ")
        + q.bind(s.high(), v.at())
        + p
        + ")";
  }

  private static String compare(
      Comparison op, Values.Span s, String e, Compilation q, String p, Position at) {
    return switch (op) {
      case GT -> e + (s.closed() ? " > " : " >= ") + q.bind(s.high(), at) + p;
      case GE -> e + " >= " + q.bind(s.low(), at) + p;
      case LT -> e + " < " + q.bind(s.low(), at) + p;
      case LE -> e + (s.closed() ? " <= " : " < ") + q.bind(s.high(), at) + p;
    };
  }

  private Values.Span span(Token t, Value v) {
    return switch (t.type()) {
      case NUMBER -> values.number(t, v);
      case DATE -> values.date(t, v);
      case IP -> {
        Values.IpValue ip = values.ip(t, v);
        if (ip.block()) {
          throw Values.bad(
              t, v, "an address here (a CIDR block only with ':', e.g. " + t.example() + ")");
        }
        yield Values.Span.point(ip.text());
      }
      default -> throw new IllegalStateException(t.type() + " is not ordered");
    };
  }

  private static String placeholder(Token t) {
    return t.type() == TokenType.IP ? "::inet" : "";
  }
}
