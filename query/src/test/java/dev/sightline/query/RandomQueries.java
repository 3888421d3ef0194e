package dev.sightline.query;

import static dev.sightline.query.QueryText.NO_POSITION;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random query trees from a seeded {@link Random}, for round trips through text: every construct,
 * values with quotes, backslashes, brackets, keywords, colons and other scripts.
 */
final class RandomQueries {
  private static final String[] TOKENS = {
    "asset.hostName",
    "asset.ip",
    "asset.mac",
    "finding.qds",
    "findings.vendorProductname",
    "source",
    "lastUpdated",
    "a",
    "x_1.y_2"
  };
  private static final String[] WORDS = {
    "web01", "42", "-3.5", "2026-01-01T10:00:00Z", "now-7d", "now+1M", "10.0.0.0/8", "fe80::/10",
    "::1", "00:11:22:aa:bb:cc", "CVE-2021-44228", "win*", "*prod*", "Android", "nullable", "ORACLE",
    "isKev", "a.b.c", "Müller", "@x", "/*"
  };
  private static final String[] PHRASES = {
    "CrowdStrike Spotlight", "Cortex XDR", "", " ", "say \"hi\"", "C:\\temp\\", "a .. b", "(x)",
    "[y, z]", "AND", "null", "`", "'; DROP TABLE asset; --", "line\nbreak", "tab\there", "\\\"",
    "😀 ｗｅｂ"
  };

  private final Random random;

  RandomQueries(long seed) {
    this.random = new Random(seed);
  }

  Expr expr(int depth) {
    int choice = random.nextInt(depth <= 0 ? 2 : 6);
    switch (choice) {
      case 0:
      case 1:
        return term();
      case 2:
        return new Expr.And(parts(depth));
      case 3:
        return new Expr.Or(parts(depth));
      case 4:
        return new Expr.Not(expr(depth - 1));
      default:
        return new Expr.Nested(pick(TOKENS), expr(depth - 1), NO_POSITION);
    }
  }

  private List<Expr> parts(int depth) {
    List<Expr> parts = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      parts.add(expr(depth - 1));
    }
    return parts;
  }

  private Expr.Term term() {
    return new Expr.Term(pick(TOKENS), condition(), NO_POSITION);
  }

  private Condition condition() {
    switch (random.nextInt(6)) {
      case 0:
        return new Condition.Compares(Comparison.values()[random.nextInt(4)], value());
      case 1:
        return new Condition.Between(value(), value(), random.nextBoolean());
      case 2:
        List<Value> values = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          values.add(value());
        }
        return new Condition.OneOf(values);
      case 3:
        return random.nextBoolean() ? new Condition.IsNull() : new Condition.NotNull();
      default:
        return new Condition.Matches(value());
    }
  }

  private Value value() {
    switch (random.nextInt(3)) {
      case 0:
        return new Value(ValueKind.WORD, pick(WORDS), NO_POSITION);
      case 1:
        return new Value(ValueKind.PHRASE, pick(PHRASES), NO_POSITION);
      default:
        return new Value(ValueKind.EXACT, pick(PHRASES), NO_POSITION);
    }
  }

  /** A valid query's text with a few characters deleted, doubled, swapped or inserted. */
  String mutated(String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    String inserts = "()[]\"`\\:,. .. >=<*-/;'\u0000\u202E：x";
    for (int i = 0; i < edits && out.length() > 0; i++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, out.charAt(at));
        case 2 -> out.insert(at, inserts.charAt(random.nextInt(inserts.length())));
        default -> {
          int other = random.nextInt(out.length());
          char c = out.charAt(at);
          out.setCharAt(at, out.charAt(other));
          out.setCharAt(other, c);
        }
      }
    }
    return out.toString();
  }

  /** Characters a query is made of, in random order and amount. */
  String noise() {
    String alphabet = "aZ09:.()[]\"`\\, >=<*-+/@_\n\t'AND OR NOT is null 😀";
    int length = random.nextInt(40);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }
}
