package dev.sightline.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sightline.platform.views.PageOf;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing and the total that matched, its items in the feature's own shape.
 *
 * @param totalExact false when {@code total} is an estimate: a large result is counted exactly only
 *     up to 10,000 rows unless {@code count=exact} is asked for
 * @param next the cursor to send as {@code after} for the rows after this page (keyset paging, for
 *     deep pages); absent on the last page
 */
public record PageResponse<T>(
    long total,
    boolean totalExact,
    int page,
    int size,
    @JsonInclude(JsonInclude.Include.NON_NULL) String next,
    List<T> items) {

  public static <V, T> PageResponse<T> from(PageOf<V> page, Function<V, T> item) {
    return new PageResponse<>(
        page.total(),
        page.totalExact(),
        page.page(),
        page.size(),
        page.next(),
        page.items().stream().map(item).toList());
  }
}
