package dev.sightline.platform.query;

import dev.sightline.query.Comparison;
import dev.sightline.query.Condition;
import dev.sightline.query.Expr;
import dev.sightline.query.QueryText;
import dev.sightline.query.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Random query trees over an entity's token listing, from a seeded {@link Random} so that one seed
 * gives one query again: every token and operator the listing names, values from the {@link
 * RandomInventory}'s pools and around them, any letter case, AND / OR / NOT and nesting.
 *
 * <p>Every tree is one a user can write: a bare word is always a word the parser reads ({@link
 * QueryText#isBareWord}); a pool value that is no word (a space, a quote, {@code %}) is quoted
 * instead, as a user would have to.
 */
final class RandomTokenQueries {
  private static final List<String> INVENTORY =
      List.of(
          "source",
          "connector",
          "lastUpdated",
          "lastSeen",
          "sourceRecordId",
          "hostName",
          "ip",
          "tags",
          "type");
  private static final List<String> DETECTION =
      List.of(
          "vendorProductName",
          "source",
          "connector",
          "status",
          "detectionMethod",
          "lastFound",
          "open");

  private final Random r;
  private final QueryEntity entity;
  private final List<TokenDescription> tokens;
  private final List<UUID> connectors;

  RandomTokenQueries(
      long seed, QueryEntity entity, List<TokenDescription> tokens, List<UUID> connectors) {
    this.r = new Random(seed);
    this.entity = entity;
    this.tokens = tokens;
    this.connectors = connectors;
  }

  Expr expr(int depth) {
    int pick = depth == 0 ? 0 : r.nextInt(10);
    if (pick <= 4) {
      return term(tokens.get(r.nextInt(tokens.size())));
    }
    if (pick == 5) {
      return new Expr.Not(expr(depth - 1));
    }
    if (pick == 6) {
      return new Expr.And(List.of(expr(depth - 1), expr(depth - 1)));
    }
    if (pick == 7) {
      return new Expr.Or(List.of(expr(depth - 1), expr(depth - 1)));
    }
    return nested();
  }

  /** {@code inventory:(…)} or {@code detection:(…)}: conditions on one source or detection. */
  private Expr nested() {
    boolean detection = entity == QueryEntity.FINDINGS && r.nextBoolean();
    String parent = detection ? "detection" : "inventory";
    List<String> inner = detection ? DETECTION : INVENTORY;
    Expr a = innerTerm(parent, RandomInventory.pick(r, inner));
    Expr body =
        switch (r.nextInt(4)) {
          case 0 -> a;
          case 1 -> new Expr.And(List.of(a, innerTerm(parent, RandomInventory.pick(r, inner))));
          case 2 -> new Expr.Or(List.of(a, innerTerm(parent, RandomInventory.pick(r, inner))));
          default ->
              new Expr.And(
                  List.of(a, new Expr.Not(innerTerm(parent, RandomInventory.pick(r, inner)))));
        };
    return new Expr.Nested(r.nextBoolean() ? parent : parent.toUpperCase(Locale.ROOT), body, Q.AT);
  }

  private Expr innerTerm(String parent, String name) {
    TokenDescription t =
        tokens.stream()
            .filter(
                x ->
                    x.name().equalsIgnoreCase(parent + "." + name)
                        || x.name().equalsIgnoreCase("asset." + name))
            .findFirst()
            .orElseThrow();
    Expr.Term full = (Expr.Term) term(t);
    return new Expr.Term(name, full.condition(), Q.AT);
  }

  private Expr term(TokenDescription t) {
    String name = r.nextInt(4) == 0 ? t.name().toUpperCase(Locale.ROOT) : t.name();
    List<String> ops = t.operators();
    String op = ops.get(r.nextInt(ops.size()));
    Condition c =
        switch (op) {
          case "is null" -> new Condition.IsNull();
          case "not null" -> new Condition.NotNull();
          case "[x, y]" -> new Condition.OneOf(List.of(value(t), value(t)));
          case ">" -> new Condition.Compares(Comparison.GT, plain(t));
          case ">=" -> new Condition.Compares(Comparison.GE, plain(t));
          case "<" -> new Condition.Compares(Comparison.LT, plain(t));
          case "<=" -> new Condition.Compares(Comparison.LE, plain(t));
          case "[a .. b]" -> new Condition.Between(plain(t), plain(t), r.nextBoolean());
          default -> new Condition.Matches(value(t));
        };
    return new Expr.Term(name, c, Q.AT);
  }

  /** A value for ':' and lists: CIDR blocks and text kinds included. */
  private Value value(TokenDescription t) {
    switch (t.type()) {
      case IP:
        if (r.nextBoolean()) {
          String ip = RandomInventory.pick(r, RandomInventory.IPS);
          int bits =
              ip.contains(":")
                  ? RandomInventory.pick(r, List.of(32, 64, 128))
                  : RandomInventory.pick(r, List.of(8, 16, 24, 32));
          return word(ip + "/" + bits);
        }
        return plain(t);
      case MAC:
        String mac = RandomInventory.pick(r, RandomInventory.MACS);
        return switch (r.nextInt(3)) {
          case 0 -> word(mac.toUpperCase(Locale.ROOT).replace(':', '-'));
          case 1 -> word(mac.substring(0, 8) + "*");
          default -> word(mac);
        };
      case STRING:
      case ENUM:
        return text(t);
      default:
        return plain(t);
    }
  }

  private Value text(TokenDescription t) {
    String base = pool(t);
    return switch (r.nextInt(5)) {
      case 0 -> word(base.toUpperCase(Locale.ROOT));
      case 1 -> wildcard(base.substring(0, Math.max(1, base.length() / 2)));
      case 2 -> Q.phrase(base.substring(r.nextInt(Math.max(1, base.length() / 2))));
      case 3 -> Q.exact(r.nextBoolean() ? base : base.toLowerCase(Locale.ROOT));
      default -> word(base);
    };
  }

  /**
   * {@code prefix*}, cut before the first character a word cannot hold ({@code Windows Se} gives
   * {@code Windows*}, {@code 50%} gives {@code 50*}).
   */
  private static Value wildcard(String prefix) {
    int end = 0;
    while (end < prefix.length() && QueryText.isBareWord(prefix.substring(0, end + 1) + "*")) {
      end++;
    }
    return Q.word(prefix.substring(0, end) + "*");
  }

  /**
   * {@code text} as a bare word where it is one; quoted where it is not, exactly (letter case kept)
   * or as a phrase, at random, so such pool values still reach the compiler.
   */
  private Value word(String text) {
    if (QueryText.isBareWord(text)) {
      return Q.word(text);
    }
    return r.nextBoolean() ? Q.exact(text) : Q.phrase(text);
  }

  private String pool(TokenDescription t) {
    if (!t.values().isEmpty()) {
      return RandomInventory.pick(r, t.values());
    }
    String n = t.name().toLowerCase(Locale.ROOT);
    if (n.endsWith("source")) {
      return RandomInventory.pick(r, List.of("Alpha Spotlight", "Beta Networks", "Spotlight"));
    }
    if (n.endsWith("vendorproductname")) {
      return RandomInventory.pick(r, List.of("Alpha Endpoint Security", "Beta XDR", "XDR"));
    }
    if (n.endsWith("connector")) {
      return r.nextInt(4) == 0
          ? connectors.get(r.nextInt(connectors.size())).toString()
          : RandomInventory.pick(r, RandomInventory.CONNECTOR_NAMES);
    }
    if (n.endsWith("cveid")) {
      return RandomInventory.pick(r, RandomInventory.CVES);
    }
    if (n.endsWith("finding.name")) {
      return RandomInventory.pick(r, RandomInventory.NAMES);
    }
    if (n.endsWith("status")) {
      return RandomInventory.pick(r, RandomInventory.STATUSES);
    }
    if (n.endsWith("detectionmethod")) {
      return RandomInventory.pick(r, RandomInventory.METHODS);
    }
    if (n.endsWith("tags")) {
      return RandomInventory.pick(r, RandomInventory.TAGS);
    }
    if (n.endsWith("os")) {
      return RandomInventory.pick(r, RandomInventory.OSES);
    }
    if (n.endsWith("sourcerecordid")) {
      return "rec-" + r.nextInt(20);
    }
    List<String> any = new ArrayList<>(RandomInventory.HOSTS);
    any.addAll(List.of("corp", "22.04", "VMW-1234", "Dell Inc.", "AWS", "NEW_ASSET"));
    return RandomInventory.pick(r, any);
  }

  /** A single ordered value: a number, a date, an address, a boolean. */
  private Value plain(TokenDescription t) {
    String n = t.name().toLowerCase(Locale.ROOT);
    switch (t.type()) {
      case BOOLEAN:
        return Q.word(r.nextBoolean() ? "true" : "False");
      case IP:
        return Q.word(RandomInventory.pick(r, RandomInventory.IPS));
      case DATE:
        return switch (r.nextInt(3)) {
          case 0 -> Q.word(RandomInventory.day(r).toString().substring(0, 10));
          case 1 -> Q.word(RandomInventory.instant(r).toString());
          default -> Q.word("now-" + r.nextInt(120) + RandomInventory.pick(r, List.of("d", "h")));
        };
      default:
        if (n.endsWith("epss")) {
          return Q.word(RandomInventory.pick(r, List.of("0.3", "0.94", "0.5", "0.97", "1")));
        }
        if (n.endsWith("cvss")) {
          return Q.word(RandomInventory.pick(r, List.of("8.8", "10", "5.5", "0", "9.9")));
        }
        if (n.endsWith(".id")) {
          return Q.word(Integer.toString(1 + r.nextInt(200)));
        }
        return Q.word(
            Integer.toString(
                RandomInventory.pick(
                    r, List.of(0, 1, 2, 3, 4, 5, 40, 50, 99, 100, 500, 700, 900, 1000))));
    }
  }
}
