package dev.sightline.platform.search;

import java.util.Optional;

/**
 * A listing as a client asks for it.
 *
 * @param q the query text; empty or blank: everything
 * @param sort a sortable token, ascending, or descending with a leading {@code -} or a trailing
 *     {@code :desc} ({@code -finding.qds}, {@code finding.qds:desc}); the older words {@code id},
 *     {@code qds}, {@code risk}, {@code score} still work
 * @param after the {@code next} cursor of the previous page (keyset paging, for deep pages)
 * @param exactCount {@code count=exact}: count every matching row, however many
 */
public record SearchRequest(
    Optional<String> q,
    Optional<String> sort,
    int page,
    int size,
    Optional<String> after,
    boolean exactCount) {

  /** {@code count=exact} (any letter case): every matching row counted, however many. */
  public static boolean exactCount(Optional<String> count) {
    return count.map(c -> c.trim().equalsIgnoreCase("exact")).orElse(false);
  }
}
