package dev.sightline.server.console.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a listing page shows is in its URL, so that a reload or a shared link shows the same
 * page: the query, the order, the columns, and for keyset paging the cursor of this page ({@code
 * after}) with the cursors of the pages before it ({@code back}, for Previous).
 */
record ListState(
    String path, String q, String sort, List<String> cols, String after, List<String> back) {

  ListState {
    q = q == null ? "" : q;
    sort = sort == null ? "" : sort.trim();
    cols = cols == null ? List.of() : List.copyOf(cols);
    after = after == null ? "" : after;
    back = back == null ? List.of() : List.copyOf(back);
  }

  Optional<String> query() {
    return q.isBlank() ? Optional.empty() : Optional.of(q);
  }

  Optional<String> sortParam() {
    return sort.isEmpty() ? Optional.empty() : Optional.of(sort);
  }

  /** How many pages come before this one. */
  int pagesBefore() {
    return after.isEmpty() ? 0 : back.size() + 1;
  }

  String href() {
    return href(sort, after, back);
  }

  /** The first page in another order. */
  String sorted(String newSort) {
    return href(newSort, "", List.of());
  }

  /** The page after this one, from the listing's {@code next} cursor. */
  String next(String cursor) {
    List<String> trail = new ArrayList<>(back);
    if (!after.isEmpty()) {
      trail.add(after);
    }
    return href(sort, cursor, trail);
  }

  /** The page before this one; null on the first page. */
  String previous() {
    if (after.isEmpty()) {
      return null;
    }
    if (back.isEmpty()) {
      return href(sort, "", List.of());
    }
    return href(sort, back.get(back.size() - 1), back.subList(0, back.size() - 1));
  }

  private String href(String withSort, String withAfter, List<String> withBack) {
    List<String[]> params = new ArrayList<>();
    params.add(new String[] {"q", q});
    params.add(new String[] {"sort", withSort});
    params.add(new String[] {"cols", String.join(",", cols)});
    params.add(new String[] {"after", withAfter});
    for (String b : withBack) {
      params.add(new String[] {"back", b});
    }
    return Links.of(path, params);
  }
}
