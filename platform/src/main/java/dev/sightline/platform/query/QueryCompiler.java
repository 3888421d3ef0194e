package dev.sightline.platform.query;

import dev.sightline.query.Condition;
import dev.sightline.query.Expr;
import dev.sightline.query.Position;
import dev.sightline.query.QuerySyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one way from a parsed query to SQL: a WHERE fragment over the listing's alias ({@code a} for
 * assets, {@code f} for findings) whose column expressions come only from the token catalogue and
 * whose every value is a bound parameter. A term the catalogue does not allow (an unknown token, an
 * operator its type does not take, a value that is not a number, date, address or one of an
 * enumeration's values) is a {@link QuerySyntaxException} naming the term's position, the token and
 * what is allowed; messages never carry SQL. Thread-safe.
 */
public final class QueryCompiler {
  /** At most this many bound values per query, whatever the parser let through. */
  public static final int MAX_PARAMS = 1_000;

  /** At most this many nested ANDs, ORs, NOTs and parentheses. */
  public static final int MAX_DEPTH = 64;

  private static final Position START = new Position(1, 1, 0);

  private final TokenCatalog catalog = new TokenCatalog();
  private final Values values;
  private final TermCompiler terms;
  private final Sorts sorts;
  private final int maxParams;

  /** Date math ({@code now-7d}) is read against {@code clock}. */
  public QueryCompiler(SourceLabels labels, Clock clock) {
    this(labels, clock, MAX_PARAMS);
  }

  public QueryCompiler(SourceLabels labels, Clock clock, int maxParams) {
    this.values = new Values(Objects.requireNonNull(clock, "clock"));
    this.terms = new TermCompiler(values, Objects.requireNonNull(labels, "labels"));
    this.sorts = new Sorts(catalog);
    this.maxParams = maxParams;
  }

  public SqlFilter compile(QueryEntity entity, Expr expr) {
    Compilation q = new Compilation(maxParams);
    String sql = flat(entity, expr, q, 0);
    return new SqlFilter(sql, q.params());
  }

  /**
   * The ORDER BY list for a sortable token (any letter case), ascending with missing values first
   * or descending with them last, always ending with the id so the order is total.
   *
   * @throws dev.sightline.platform.errors.InvalidRequestException when the token does not sort
   */
  public String sortClause(QueryEntity entity, String token, boolean desc) {
    return sort(entity, token, desc).orderBy();
  }

  /** A sortable token's order: the ORDER BY list, the value to select for a cursor, its name. */
  public SortKey sort(QueryEntity entity, String token, boolean desc) {
    return sorts.key(entity, token, desc);
  }

  /**
   * The rows after a keyset cursor in {@code key}'s order: a WHERE fragment to AND with the query.
   *
   * @throws dev.sightline.platform.errors.InvalidRequestException when the cursor is not one this
   *     order gave out
   */
  public SqlFilter after(QueryEntity entity, SortKey key, String cursor) {
    return sorts.after(entity, key, KeysetCursor.decode(cursor));
  }

  /** The tokens an entity's queries may name, for the API and the docs. */
  public List<TokenDescription> tokens(QueryEntity entity) {
    return new QueryTokens(catalog).tokens(entity);
  }

  private String flat(QueryEntity entity, Expr expr, Compilation q, int depth) {
    checkDepth(depth, expr);
    if (expr instanceof Expr.All) {
      return "true";
    }
    if (expr instanceof Expr.And and) {
      return join(and.parts(), " AND ", p -> flat(entity, p, q, depth + 1));
    }
    if (expr instanceof Expr.Or or) {
      return join(or.parts(), " OR ", p -> flat(entity, p, q, depth + 1));
    }
    if (expr instanceof Expr.Not not) {
      return "NOT (" + flat(entity, not.inner(), q, depth + 1) + ")";
    }
    if (expr instanceof Expr.Term term) {
      Token t = token(entity, term);
      TermCompiler.check(t, term.condition(), term.at());
      if (own(entity, t.scope())) {
        return terms.onRow(t, term.condition(), term.at(), entity.alias(), q);
      }
      if (term.condition() instanceof Condition.IsNull) {
        return "NOT "
            + wrap(
                entity,
                t.scope(),
                r -> terms.onRow(t, new Condition.NotNull(), term.at(), r, q),
                q);
      }
      return wrap(entity, t.scope(), r -> terms.onRow(t, term.condition(), term.at(), r, q), q);
    }
    Expr.Nested nested = (Expr.Nested) expr;
    Scope scope =
        catalog
            .parent(entity, nested.parent())
            .orElseThrow(
                () ->
                    Values.error(
                        "'"
                            + nested.parent()
                            + "' cannot hold a nested query (at "
                            + nested.at()
                            + "); these can: "
                            + String.join(", ", catalog.parents(entity)),
                        nested.at(),
                        nested.parent(),
                        catalog.parents(entity)));
    return wrap(
        entity,
        scope,
        r -> inner(entity, nested.parent(), scope, nested.inner(), r, q, depth + 1),
        q);
  }

  /** Inside {@code parent:(…)}: every term on the same row {@code r}. */
  private String inner(
      QueryEntity entity,
      String parent,
      Scope scope,
      Expr expr,
      String r,
      Compilation q,
      int depth) {
    checkDepth(depth, expr);
    if (expr instanceof Expr.All) {
      return "true";
    }
    if (expr instanceof Expr.And and) {
      return join(and.parts(), " AND ", p -> inner(entity, parent, scope, p, r, q, depth + 1));
    }
    if (expr instanceof Expr.Or or) {
      return join(or.parts(), " OR ", p -> inner(entity, parent, scope, p, r, q, depth + 1));
    }
    if (expr instanceof Expr.Not not) {
      return "NOT (" + inner(entity, parent, scope, not.inner(), r, q, depth + 1) + ")";
    }
    if (expr instanceof Expr.Nested nested) {
      throw Values.error(
          "A nested query cannot hold another one (at " + nested.at() + ")",
          nested.at(),
          nested.parent(),
          List.of("a term such as source:\"…\""));
    }
    Expr.Term term = (Expr.Term) expr;
    Token t =
        catalog
            .findInside(entity, parent, scope, term.token())
            .orElseThrow(
                () -> {
                  List<String> inside =
                      catalog.tokens(entity).stream()
                          .filter(x -> x.scope() == scope)
                          .map(Token::name)
                          .toList();
                  return Values.error(
                      "'"
                          + term.token()
                          + "' is not a token of "
                          + parent
                          + " (at "
                          + term.at()
                          + "); inside "
                          + parent
                          + ":(…) these are: "
                          + String.join(", ", inside),
                      term.at(),
                      term.token(),
                      inside);
                });
    return terms.onRow(t, term.condition(), term.at(), r, q);
  }

  private Token token(QueryEntity entity, Expr.Term term) {
    return catalog
        .find(entity, term.token())
        .orElseThrow(
            () -> {
              if (catalog.parent(entity, term.token()).isPresent()) {
                return Values.error(
                    term.token()
                        + " takes a nested query (at "
                        + term.at()
                        + "), e.g. "
                        + term.token()
                        + ":(source:\"…\")",
                    term.at(),
                    term.token(),
                    List.of(term.token() + ":(…)"));
              }
              List<String> close = catalog.closeTo(entity, term.token());
              return Values.error(
                  "Unknown token '"
                      + term.token()
                      + "' for "
                      + entity.name().toLowerCase(java.util.Locale.ROOT)
                      + " (at "
                      + term.at()
                      + ")"
                      + (close.isEmpty()
                          ? ""
                          : "; did you mean " + String.join(" or ", close) + "?"),
                  term.at(),
                  term.token(),
                  close.isEmpty()
                      ? catalog.tokens(entity).stream().map(Token::name).toList()
                      : close);
            });
  }

  static boolean own(QueryEntity entity, Scope scope) {
    return (entity == QueryEntity.ASSETS && scope == Scope.ASSET)
        || (entity == QueryEntity.FINDINGS && scope == Scope.FINDING);
  }

  /** Some row of {@code scope} that belongs to the listed row meets {@code predicate}. */
  private static String wrap(
      QueryEntity entity,
      Scope scope,
      java.util.function.Function<String, String> predicate,
      Compilation q) {
    String owner = entity == QueryEntity.ASSETS ? "a.id" : "f.asset_id";
    String r = q.alias();
    return switch (scope) {
      case ASSET -> {
        if (entity == QueryEntity.ASSETS) {
          yield predicate.apply("a");
        }
        yield "EXISTS (SELECT 1 FROM asset "
            + r
            + " WHERE "
            + r
            + ".id = f.asset_id AND "
            + predicate.apply(r)
            + ")";
      }
      case SOURCE ->
          "EXISTS (SELECT 1 FROM source_asset "
              + r
              + " WHERE "
              + r
              + ".asset_id = "
              + owner
              + " AND "
              + predicate.apply(r)
              + ")";
      case FINDING -> predicate.apply("f");
      case DETECTION ->
          "EXISTS (SELECT 1 FROM source_asset "
              + r
              + "s JOIN detection "
              + r
              + " ON "
              + r
              + ".source_asset_id = "
              + r
              + "s.id WHERE "
              + r
              + "s.asset_id = f.asset_id AND "
              + r
              + ".finding_key = f.finding_key AND "
              + predicate.apply(r)
              + ")";
    };
  }

  private static String join(
      List<Expr> parts, String op, java.util.function.Function<Expr, String> each) {
    if (parts.isEmpty()) {
      return op.trim().equals("AND") ? "true" : "false";
    }
    List<String> sql = new ArrayList<>();
    for (Expr p : parts) {
      sql.add(each.apply(p));
    }
    return "(" + String.join(op, sql) + ")";
  }

  private static void checkDepth(int depth, Expr expr) {
    if (depth > MAX_DEPTH) {
      Position at =
          expr instanceof Expr.Term t ? t.at() : expr instanceof Expr.Nested n ? n.at() : START;
      throw Values.error(
          "The query nests too deeply (more than " + MAX_DEPTH + " levels)",
          at,
          "",
          List.of("fewer nested parentheses"));
    }
  }
}
