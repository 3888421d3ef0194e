package dev.sightline.platform.query;

import dev.sightline.platform.errors.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sort keys and keyset predicates for the sortable tokens. */
final class Sorts {
  private final TokenCatalog catalog;

  Sorts(TokenCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether listings of {@code entity} sort by {@code t}: a value of the listed row itself. */
  static boolean sortable(QueryEntity entity, Token t) {
    if (t.sortExpression().isEmpty()) {
      return false;
    }
    return entity == QueryEntity.ASSETS
        ? t.scope() == Scope.ASSET || t.scope() == Scope.SOURCE
        : t.scope() == Scope.FINDING;
  }

  SortKey key(QueryEntity entity, String name, boolean desc) {
    Token t =
        catalog
            .find(entity, name == null ? "" : name.trim())
            .filter(x -> sortable(entity, x))
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "sort",
                        "sort must be one of "
                            + String.join(", ", sortableNames(entity))
                            + "; it was '"
                            + name
                            + "'"));
    String alias = entity.alias();
    String value =
        t.sortExpression()
            .orElseThrow()
            .replace("{r}", alias)
            .replace("{e2}", "qs2")
            .replace("{e}", "qs");
    return new SortKey(t, desc, value, alias + ".id");
  }

  List<String> sortableNames(QueryEntity entity) {
    return catalog.tokens(entity).stream()
        .filter(t -> sortable(entity, t))
        .map(Token::name)
        .toList();
  }

  SqlFilter after(QueryEntity entity, SortKey key, KeysetCursor cursor) {
    if (!cursor.sort().equals(key.token()) || cursor.desc() != key.desc()) {
      throw new InvalidRequestException(
          "after", "after is a cursor of another order; start again from the first page");
    }
    String e = key.value();
    String id = key.idExpression();
    List<Object> params = new ArrayList<>();
    Object v = typed(key.tokenDefinition(), cursor.value());
    String sql;
    if (e.equals(id)) {
      // By id alone: a plain range the primary key serves (a row comparison of the id with
      // itself would be read as a filter, skipping every earlier row on every page).
      params.add(cursor.id());
      sql = id + (key.desc() ? " < ?" : " > ?");
    } else if (v == null) {
      params.add(cursor.id());
      sql =
          key.desc()
              ? "(" + e + " IS NULL AND " + id + " < ?)"
              : "((" + e + " IS NULL AND " + id + " > ?) OR " + e + " IS NOT NULL)";
    } else {
      params.add(v);
      params.add(cursor.id());
      sql =
          key.desc()
              ? "((" + e + ", " + id + ") < (?, ?) OR " + e + " IS NULL)"
              : "(" + e + ", " + id + ") > (?, ?)";
    }
    return new SqlFilter(sql, params);
  }

  /** The cursor's value as the token's column compares it; a value of another type is refused. */
  private static Object typed(Token t, Object v) {
    if (v == null) {
      return null;
    }
    Class<?> want =
        switch (t.type()) {
          case NUMBER -> t.integral() ? Long.class : t.floating() ? Double.class : BigDecimal.class;
          case DATE -> Instant.class;
          default -> String.class;
        };
    if (!want.isInstance(v)) {
      throw new InvalidRequestException(
          "after", "after is a cursor of another order; start again from the first page");
    }
    return v;
  }
}
