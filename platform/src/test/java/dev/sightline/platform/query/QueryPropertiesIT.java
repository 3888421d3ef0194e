package dev.sightline.platform.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.query.Comparison;
import dev.sightline.query.Condition;
import dev.sightline.query.Expr;
import dev.sightline.query.QuerySyntaxException;
import dev.sightline.query.Value;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random queries over the whole catalogue (tokens, operators, values drawn from the data and around
 * it, AND / OR / NOT, nesting) select on PostgreSQL exactly the rows the in-memory evaluator
 * selects over the same rows.
 */
class QueryPropertiesIT {
  // jqwik makes one instance per try: the database is the container's, set up once.
  private static EmbeddedPostgres postgres;
  private static Jdbc jdbc;
  private static Evaluator evaluator;
  private static RandomInventory inventory;
  private static final QueryCompiler COMPILER = new QueryCompiler(QueryIT.LABELS, QueryIT.CLOCK);

  @BeforeContainer
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    javax.sql.DataSource ds = postgres.getPostgresDatabase();
    Database.migrate(ds);
    jdbc = new Jdbc(ds);
    inventory = new RandomInventory();
    inventory.write(new Rows(jdbc), 20260301L, 60);
    evaluator = new Evaluator(Loaded.from(jdbc), QueryIT.LABELS, QueryIT.CLOCK);
  }

  @AfterContainer
  static void stop() throws IOException {
    postgres.close();
  }

  @Property(tries = 250)
  void assetQueriesSelectWhatTheEvaluatorSelects(@ForAll("assetQueries") Expr q) {
    agree(QueryEntity.ASSETS, q);
  }

  @Property(tries = 250)
  void findingQueriesSelectWhatTheEvaluatorSelects(@ForAll("findingQueries") Expr q) {
    agree(QueryEntity.FINDINGS, q);
  }

  private static void agree(QueryEntity entity, Expr q) {
    SqlFilter filter;
    try {
      filter = COMPILER.compile(entity, q);
    } catch (QuerySyntaxException refused) {
      // A generated wildcard may match no value of an enumeration: refused, as a user's would be.
      assertThat(refused.getMessage()).contains("has no value");
      return;
    }
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    Set<Long> sql =
        new TreeSet<>(
            jdbc.query(
                "SELECT " + entity.alias() + ".id FROM " + table + " WHERE " + filter.whereSql(),
                rs -> rs.getLong(1),
                filter.params().toArray()));
    assertThat(sql).as("%s", q).isEqualTo(evaluator.select(entity, q));
  }

  @Provide
  Arbitrary<Expr> assetQueries() {
    return Arbitraries.randomValue(r -> new Generator(r, QueryEntity.ASSETS).expr(3));
  }

  @Provide
  Arbitrary<Expr> findingQueries() {
    return Arbitraries.randomValue(r -> new Generator(r, QueryEntity.FINDINGS).expr(3));
  }

  /** Random queries over the token listing, with values from the inventory's pools. */
  static final class Generator {
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

    Generator(Random r, QueryEntity entity) {
      this.r = r;
      this.entity = entity;
      this.tokens = new QueryTokens().tokens(entity);
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
      return new Expr.Nested(
          r.nextBoolean() ? parent : parent.toUpperCase(Locale.ROOT), body, Q.AT);
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
            return Q.word(ip + "/" + bits);
          }
          return plain(t);
        case MAC:
          String mac = RandomInventory.pick(r, RandomInventory.MACS);
          return switch (r.nextInt(3)) {
            case 0 -> Q.word(mac.toUpperCase(Locale.ROOT).replace(':', '-'));
            case 1 -> Q.word(mac.substring(0, 8) + "*");
            default -> Q.word(mac);
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
        case 0 -> Q.word(base.toUpperCase(Locale.ROOT));
        case 1 -> Q.word(base.substring(0, Math.max(1, base.length() / 2)) + "*");
        case 2 -> Q.phrase(base.substring(r.nextInt(Math.max(1, base.length() / 2))));
        case 3 -> Q.exact(r.nextBoolean() ? base : base.toLowerCase(Locale.ROOT));
        default -> Q.word(base);
      };
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
            ? inventory.connectors.get(r.nextInt(3)).toString()
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
}
