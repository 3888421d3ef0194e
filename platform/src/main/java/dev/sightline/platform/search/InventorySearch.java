package dev.sightline.platform.search;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.query.QueryCompiler;
import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.query.SortKey;
import dev.sightline.platform.query.SqlFilter;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.FindingView;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.Listing;
import dev.sightline.platform.views.PageOf;
import dev.sightline.query.Expr;
import dev.sightline.query.QueryParser;
import java.util.Locale;
import java.util.Optional;

/**
 * Searching the inventory with the query language: the text parsed, compiled into a bound filter
 * through the one catalogue, ordered by a sortable token and paged by number or by keyset cursor.
 */
public final class InventorySearch {
  private final InventoryQueries queries;
  private final QueryCompiler compiler;
  private final QueryParser parser;

  public InventorySearch(InventoryQueries queries, QueryCompiler compiler, QueryParser parser) {
    this.queries = queries;
    this.compiler = compiler;
    this.parser = parser;
  }

  public PageOf<AssetView> assets(InventoryQueries.Filter filter, SearchRequest request) {
    return queries.assets(filter, listing(QueryEntity.ASSETS, request));
  }

  public PageOf<FindingView> findings(InventoryQueries.Filter filter, SearchRequest request) {
    return queries.findings(filter, listing(QueryEntity.FINDINGS, request));
  }

  /** The bound filter of a query text (everything when empty), for exports and counts. */
  public SqlFilter filter(QueryEntity entity, Optional<String> q) {
    return compiler.compile(entity, parse(q));
  }

  private Expr parse(Optional<String> q) {
    return parser.parse(q.orElse(""));
  }

  private Listing listing(QueryEntity entity, SearchRequest request) {
    SqlFilter where = filter(entity, request.q());
    SortKey sort = sortKey(entity, request.sort());
    Optional<SqlFilter> after =
        request.after().filter(a -> !a.isBlank()).map(a -> compiler.after(entity, sort, a));
    return new Listing(
        where,
        sort.orderBy(),
        Optional.of(sort),
        after,
        request.page(),
        request.size(),
        request.exactCount());
  }

  /** A token's order; the older words of the API map onto tokens. */
  public SortKey sortKey(QueryEntity entity, Optional<String> text) {
    String raw = text.map(String::trim).filter(t -> !t.isEmpty()).orElse("id");
    boolean desc = false;
    String token = raw;
    if (token.startsWith("-")) {
      desc = true;
      token = token.substring(1);
    } else if (token.toLowerCase(Locale.ROOT).endsWith(":desc")) {
      desc = true;
      token = token.substring(0, token.length() - 5);
    } else if (token.toLowerCase(Locale.ROOT).endsWith(":asc")) {
      token = token.substring(0, token.length() - 4);
    }
    String prefix = entity == QueryEntity.ASSETS ? "asset." : "finding.";
    switch (token.toLowerCase(Locale.ROOT)) {
      case "id" -> token = prefix + "id";
      case "qds", "risk", "score" -> {
        // The older API's "highest score first".
        token = entity == QueryEntity.ASSETS ? "asset.riskScore" : "finding.qds";
        desc = true;
      }
      default -> {
        if (token.isBlank()) {
          throw new InvalidRequestException("sort", "is empty: name a sortable token");
        }
      }
    }
    return compiler.sort(entity, token, desc);
  }
}
