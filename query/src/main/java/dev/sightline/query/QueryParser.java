package dev.sightline.query;

/**
 * Reads query text into an {@link Expr}: the grammar is {@code src/main/antlr4/.../Query.g4} (ANTLR
 * 4, generated at build time). Keywords (AND, OR, NOT, is null, not null) in any letter case; a
 * blank query is {@link Expr.All}.
 */
public final class QueryParser {
  private final QueryLimits limits;

  public QueryParser(QueryLimits limits) {
    this.limits = limits;
  }

  public static QueryParser withDefaults() {
    return new QueryParser(QueryLimits.defaults());
  }

  /**
   * @throws QuerySyntaxException with the position, what was found and what was expected, when the
   *     text is not a query or breaks a limit
   */
  public Expr parse(String text) {
    throw new UnsupportedOperationException("the ANTLR parser is being written");
  }

  QueryLimits limits() {
    return limits;
  }
}
