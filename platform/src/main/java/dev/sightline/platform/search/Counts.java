package dev.sightline.platform.search;

import java.util.List;
import java.util.Optional;

/**
 * How many rows a query selects, and optionally how many per key.
 *
 * @param total every selected row, counted exactly
 * @param groupBy the key's canonical name, when grouped
 * @param groups the groups, largest first, ties by key (no key last); a row with several values of
 *     the key ({@code source}, {@code connector}) counts in each of their groups
 * @param truncated more than {@link InventoryCounts#MAX_GROUPS} groups: the smallest were left out
 */
public record Counts(long total, Optional<String> groupBy, List<Group> groups, boolean truncated) {
  public Counts {
    groups = List.copyOf(groups);
  }

  /** One key's count; the key is null for rows without a value. */
  public record Group(String key, long count) {}
}
