package dev.sightline.platform.views;

import dev.sightline.platform.query.SortKey;
import dev.sightline.platform.query.SqlFilter;
import java.util.Optional;

/**
 * How a listing reads: the query's bound filter, the order, a page by number or the rows after a
 * keyset cursor (for deep pages), and whether the total must be exact.
 *
 * @param order the order when no sortable token is asked for ({@code a.id}, {@code f.qds DESC NULLS
 *     LAST, f.id}); ignored when {@code sort} is present
 * @param sort the order by a sortable token, whose last row's value becomes the next cursor
 * @param after the rows after the cursor the client sent, in {@code sort}'s order
 * @param exactCount count every matching row, however many; otherwise exact up to {@link
 *     InventoryQueries#EXACT_UP_TO} and estimated beyond
 */
public record Listing(
    SqlFilter query,
    String order,
    Optional<SortKey> sort,
    Optional<SqlFilter> after,
    int page,
    int size,
    boolean exactCount) {

  /** A plain page: no query, the given order, exact total. */
  public static Listing page(String order, int page, int size) {
    return new Listing(
        SqlFilter.all(), order, Optional.empty(), Optional.empty(), page, size, true);
  }

  String orderBy() {
    return sort.map(SortKey::orderBy).orElse(order);
  }
}
