package dev.sightline.server.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sightline.platform.search.Counts;
import java.util.List;

/**
 * How many rows a query selects: {@code {"total"}}, and with {@code groupBy} also {@code
 * "groupBy"}, {@code "groups"} (largest first, ties by key, a missing value as {@code null} last)
 * and {@code "truncated"} (true when more than 1,000 groups were found and the smallest left out).
 */
record CountResponse(
    long total,
    @JsonInclude(JsonInclude.Include.NON_NULL) String groupBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupResponse> groups,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated) {

  /** One key's count; {@code key} is null for rows without a value. */
  record GroupResponse(String key, long count) {}

  static CountResponse of(Counts c) {
    if (c.groupBy().isEmpty()) {
      return new CountResponse(c.total(), null, null, null);
    }
    return new CountResponse(
        c.total(),
        c.groupBy().get(),
        c.groups().stream().map(g -> new GroupResponse(g.key(), g.count())).toList(),
        c.truncated());
  }
}
