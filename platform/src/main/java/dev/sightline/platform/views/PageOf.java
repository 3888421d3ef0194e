package dev.sightline.platform.views;

import java.util.List;

/**
 * One page of a listing and the total that matched.
 *
 * @param totalExact false when the total was estimated (a large result counted only up to a bound)
 * @param next the cursor of the rows after this page ({@code after=}), null on the last page or
 *     when the listing is not in a token's order
 */
public record PageOf<T>(
    long total, boolean totalExact, int page, int size, String next, List<T> items) {

  public PageOf(long total, int page, int size, List<T> items) {
    this(total, true, page, size, null, items);
  }
}
