package dev.sightline.server.web;

import dev.sightline.platform.views.PageOf;
import java.util.List;
import java.util.function.Function;

/** One page of a listing and the total that matched, its items in the feature's own shape. */
public record PageResponse<T>(long total, int page, int size, List<T> items) {

  public static <V, T> PageResponse<T> from(PageOf<V> page, Function<V, T> item) {
    return new PageResponse<>(
        page.total(), page.page(), page.size(), page.items().stream().map(item).toList());
  }
}
