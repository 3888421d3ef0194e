package dev.sightline.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints an {@link Expr} back as canonical query text, so a query can be shown, saved and read
 * again: {@code canonical(parser.parse(render(e)))} equals {@code canonical(e)} for every {@code e}
 * that {@code render} accepts.
 *
 * <p>Canonical text: terms as {@code token:value}, {@code token > value}, {@code token:[a .. b]},
 * {@code token:(a .. b)}, {@code token:[x, y]}, {@code token is null}, {@code token not null},
 * {@code parent:(inner)}; keywords in capitals, AND written out, parentheses only where precedence
 * needs them.
 */
public final class QueryText {
  /** What a position is replaced with in {@link #canonical}: the start of the query. */
  public static final Position NO_POSITION = new Position(1, 1, 0);

  private static final Pattern NAME =
      Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");
  private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_\\-*/+:@]";
  private static final Pattern WORD = Pattern.compile(WORD_CHAR + "+(\\." + WORD_CHAR + "+)*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null");
  private static final Set<String> VALUE_KEYWORDS = Set.of("and", "or", "not", "null");

  private QueryText() {}

  /**
   * The query text that parses back into {@code expr} (positions aside, AND and OR flattened).
   *
   * @throws IllegalArgumentException for a tree no query text can give: a bare word that is not a
   *     word (a space, a quote, {@code and}), a token that is not a dotted name, an empty AND, OR
   *     or list, {@link Expr.All} inside another expression, an invisible character
   */
  public static String render(Expr expr) {
    if (expr instanceof Expr.All) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    write(expr, out);
    return out.toString();
  }

  /**
   * {@code expr} as the parser would give it back from its rendered text: every position {@link
   * #NO_POSITION}, nested ANDs (and ORs) merged into one, an AND or OR of one part replaced by the
   * part. Two queries that mean the same by their text have equal canonical forms.
   */
  public static Expr canonical(Expr expr) {
    if (expr instanceof Expr.And and) {
      return flat(and.parts(), true);
    }
    if (expr instanceof Expr.Or or) {
      return flat(or.parts(), false);
    }
    if (expr instanceof Expr.Not not) {
      return new Expr.Not(canonical(not.inner()));
    }
    if (expr instanceof Expr.Term term) {
      return new Expr.Term(term.token(), canonical(term.condition()), NO_POSITION);
    }
    if (expr instanceof Expr.Nested nested) {
      return new Expr.Nested(nested.parent(), canonical(nested.inner()), NO_POSITION);
    }
    return expr;
  }

  private static Expr flat(List<Expr> parts, boolean and) {
    List<Expr> flat = new ArrayList<>();
    for (Expr part : parts) {
      Expr canonical = canonical(part);
      if (and && canonical instanceof Expr.And inner) {
        flat.addAll(inner.parts());
      } else if (!and && canonical instanceof Expr.Or inner) {
        flat.addAll(inner.parts());
      } else {
        flat.add(canonical);
      }
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return and ? new Expr.And(flat) : new Expr.Or(flat);
  }

  private static Condition canonical(Condition condition) {
    if (condition instanceof Condition.Matches m) {
      return new Condition.Matches(canonical(m.value()));
    }
    if (condition instanceof Condition.Compares c) {
      return new Condition.Compares(c.op(), canonical(c.value()));
    }
    if (condition instanceof Condition.Between b) {
      return new Condition.Between(canonical(b.low()), canonical(b.high()), b.inclusive());
    }
    if (condition instanceof Condition.OneOf o) {
      return new Condition.OneOf(o.values().stream().map(QueryText::canonical).toList());
    }
    return condition;
  }

  private static Value canonical(Value value) {
    return new Value(value.kind(), value.text(), NO_POSITION);
  }

  private static void write(Expr written, StringBuilder out) {
    Expr expr = unwrapped(written);
    if (expr instanceof Expr.Or or) {
      joined(or.parts(), " OR ", false, out);
    } else if (expr instanceof Expr.And and) {
      joined(and.parts(), " AND ", true, out);
    } else if (expr instanceof Expr.Not not) {
      out.append("NOT ");
      operand(not.inner(), out);
    } else if (expr instanceof Expr.Term term) {
      out.append(name(term.token()));
      write(term.condition(), out);
    } else if (expr instanceof Expr.Nested nested) {
      out.append(name(nested.parent())).append(":(");
      write(nested.inner(), out);
      out.append(')');
    } else {
      throw new IllegalArgumentException("'everything' cannot be part of a query");
    }
  }

  private static void joined(List<Expr> parts, String keyword, boolean and, StringBuilder out) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("an AND or OR needs at least one part");
    }
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(keyword);
      }
      Expr part = unwrapped(parts.get(i));
      // An OR inside an AND needs parentheses; an AND inside an OR, or the same inside the same,
      // does not (the parser flattens the latter, as canonical() does).
      boolean parenthesize = and && part instanceof Expr.Or;
      if (parenthesize) {
        out.append('(');
        write(part, out);
        out.append(')');
      } else {
        write(part, out);
      }
    }
  }

  private static void operand(Expr written, StringBuilder out) {
    Expr inner = unwrapped(written);
    if (inner instanceof Expr.And || inner instanceof Expr.Or) {
      out.append('(');
      write(inner, out);
      out.append(')');
    } else {
      write(inner, out);
    }
  }

  /** An AND or OR of one part is that part (as the parser and canonical() read it). */
  private static Expr unwrapped(Expr expr) {
    Expr current = expr;
    while (true) {
      if (current instanceof Expr.And and && and.parts().size() == 1) {
        current = and.parts().get(0);
      } else if (current instanceof Expr.Or or && or.parts().size() == 1) {
        current = or.parts().get(0);
      } else {
        return current;
      }
    }
  }

  private static void write(Condition condition, StringBuilder out) {
    if (condition instanceof Condition.Matches m) {
      out.append(':').append(value(m.value()));
    } else if (condition instanceof Condition.Compares c) {
      out.append(' ').append(c.op().symbol()).append(' ').append(value(c.value()));
    } else if (condition instanceof Condition.Between b) {
      out.append(b.inclusive() ? ":[" : ":(")
          .append(value(b.low()))
          .append(" .. ")
          .append(value(b.high()))
          .append(b.inclusive() ? "]" : ")");
    } else if (condition instanceof Condition.OneOf o) {
      if (o.values().isEmpty()) {
        throw new IllegalArgumentException("a list needs at least one value");
      }
      out.append(":[");
      for (int i = 0; i < o.values().size(); i++) {
        out.append(i > 0 ? ", " : "").append(value(o.values().get(i)));
      }
      out.append(']');
    } else if (condition instanceof Condition.IsNull) {
      out.append(" is null");
    } else {
      out.append(" not null");
    }
  }

  private static String name(String token) {
    if (!NAME.matcher(token).matches() || KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("not a token name: " + token);
    }
    return token;
  }

  /** Whether {@code text} can be written as a bare word (a {@link ValueKind#WORD} value). */
  public static boolean isBareWord(String text) {
    return WORD.matcher(text).matches() && !VALUE_KEYWORDS.contains(text.toLowerCase(Locale.ROOT));
  }

  private static String value(Value value) {
    String text = value.text();
    refuseInvisible(text);
    switch (value.kind()) {
      case PHRASE:
        return '"' + escaped(text, '"') + '"';
      case EXACT:
        return '`' + escaped(text, '`') + '`';
      default:
        if (!isBareWord(text)) {
          throw new IllegalArgumentException("not a bare word (quote it): " + text);
        }
        return text;
    }
  }

  private static String escaped(String text, char quote) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static void refuseInvisible(String text) {
    int at = InvisibleCharacters.find(text);
    if (at >= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "no query can hold the character U+%04X", text.codePointAt(at)));
    }
  }
}
