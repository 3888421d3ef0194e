package dev.sightline.platform.query;

import java.util.List;

/**
 * A compiled condition: a WHERE fragment over the entity's alias ({@code a} or {@code f}) whose
 * every value is a {@code ?} placeholder, and the values to bind in order. Arrays ({@code
 * String[]}) bind as SQL arrays, {@link java.time.Instant}s as {@code timestamptz}.
 */
public record SqlFilter(String whereSql, List<Object> params) {
  public SqlFilter {
    params = List.copyOf(params);
  }

  /** The condition every row meets. */
  public static SqlFilter all() {
    return new SqlFilter("true", List.of());
  }
}
