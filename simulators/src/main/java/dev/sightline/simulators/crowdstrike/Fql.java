package dev.sightline.simulators.crowdstrike;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser for the Falcon Query Language subset the simulator understands: {@code field:value},
 * quoted with ' or ", negation {@code !}, ranges {@code > >= < <=}, lists {@code ['a','b']}, {@code
 * +} for AND (binding tighter), {@code ,} for OR, and parentheses.
 *
 * <p>A literal '+' that a client forgot to URL-encode arrives as a space; two conditions separated
 * only by whitespace are therefore refused with a hint, not silently read as AND.
 */
final class Fql {
  sealed interface Node permits And, Or, Condition {}

  record And(List<Node> parts) implements Node {}

  record Or(List<Node> parts) implements Node {}

  enum Op {
    EQ,
    GT,
    GTE,
    LT,
    LTE
  }

  /**
   * @param values one or more literals; several only from a {@code [...]} list
   */
  record Condition(String field, Op op, boolean negated, List<String> values, boolean list)
      implements Node {}

  private final String text;
  private int pos;

  private Fql(String text) {
    this.text = text;
  }

  static Node parse(String filter) {
    if (filter == null || filter.isBlank()) {
      throw new FqlException("Invalid filter: 'filter' is required and cannot be empty");
    }
    if (filter.trim().equals("*")) {
      throw new FqlException("Invalid filter: wildcards (*) are not supported in 'filter'");
    }
    Fql parser = new Fql(filter);
    Node node = parser.or();
    parser.skipSpaces();
    if (parser.pos < filter.length()) {
      throw parser.error(
          parser.peekIsFieldStart()
              ? "expected '+' (AND) or ',' (OR) between conditions; was '+' sent URL-encoded as %2B?"
              : "unexpected '" + filter.charAt(parser.pos) + "'");
    }
    return node;
  }

  private Node or() {
    List<Node> parts = new ArrayList<>();
    parts.add(and());
    while (consume(',')) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
  }

  private Node and() {
    List<Node> parts = new ArrayList<>();
    parts.add(term());
    while (consume('+')) {
      parts.add(term());
    }
    return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
  }

  private Node term() {
    skipSpaces();
    if (consume('(')) {
      Node inner = or();
      if (!consume(')')) {
        throw error("missing ')'");
      }
      return inner;
    }
    return condition();
  }

  private Condition condition() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && isFieldChar(text.charAt(pos))) {
      pos++;
    }
    String field = text.substring(start, pos);
    if (field.isEmpty()) {
      throw error("expected a field name");
    }
    if (pos >= text.length() || text.charAt(pos) != ':') {
      throw error("expected ':' after field '" + field + "'");
    }
    pos++;
    boolean negated = false;
    if (peek('!')) {
      negated = true;
      pos++;
    }
    Op op = operator();
    skipSpaces();
    if (peek('[')) {
      pos++;
      List<String> values = new ArrayList<>();
      do {
        values.add(value());
      } while (consume(','));
      if (!consume(']')) {
        throw error("missing ']' in the value list of '" + field + "'");
      }
      return new Condition(field, op, negated, List.copyOf(values), true);
    }
    return new Condition(field, op, negated, List.of(value()), false);
  }

  private Op operator() {
    if (peek('>')) {
      pos++;
      return consumeRaw('=') ? Op.GTE : Op.GT;
    }
    if (peek('<')) {
      pos++;
      return consumeRaw('=') ? Op.LTE : Op.LT;
    }
    return Op.EQ;
  }

  private String value() {
    skipSpaces();
    if (pos >= text.length()) {
      throw error("missing value");
    }
    char c = text.charAt(pos);
    String value;
    if (c == '\'' || c == '"') {
      int close = text.indexOf(c, pos + 1);
      if (close < 0) {
        throw error("unterminated quoted value");
      }
      value = text.substring(pos + 1, close);
      pos = close + 1;
    } else {
      int start = pos;
      while (pos < text.length() && "+,)] ".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      value = text.substring(start, pos);
    }
    if (value.isEmpty()) {
      throw error("empty filter values are not supported");
    }
    if (value.indexOf('*') >= 0) {
      throw error("wildcards (*) are not supported in filter values");
    }
    return value;
  }

  private boolean consume(char c) {
    skipSpaces();
    return consumeRaw(c);
  }

  private boolean consumeRaw(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean peekIsFieldStart() {
    return pos < text.length() && isFieldChar(text.charAt(pos));
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isFieldChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.';
  }

  private FqlException error(String why) {
    return new FqlException("Invalid filter at position " + pos + ": " + why);
  }
}
