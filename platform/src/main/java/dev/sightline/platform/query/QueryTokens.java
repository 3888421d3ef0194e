package dev.sightline.platform.query;

import java.util.List;

/** The tokens each entity's queries may name, as {@code GET /api/v1/query/tokens} lists them. */
public final class QueryTokens {
  private final TokenCatalog catalog;

  public QueryTokens() {
    this(new TokenCatalog());
  }

  QueryTokens(TokenCatalog catalog) {
    this.catalog = catalog;
  }

  public List<TokenDescription> tokens(QueryEntity entity) {
    return catalog.tokens(entity).stream()
        .map(
            t -> {
              TokenDescription d = t.describe();
              return new TokenDescription(
                  d.name(),
                  d.type(),
                  d.operators(),
                  d.example(),
                  d.values(),
                  Sorts.sortable(entity, t),
                  d.description());
            })
        .toList();
  }
}
