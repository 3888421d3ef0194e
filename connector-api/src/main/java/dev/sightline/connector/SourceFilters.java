package dev.sightline.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source filters chosen for one connector, by {@link SourceFilter#name}, each with the allowed
 * values chosen (already validated and in their canonical spelling). A filter that is absent or
 * empty selects everything.
 */
public record SourceFilters(Map<String, List<String>> chosen) {

  public SourceFilters {
    Objects.requireNonNull(chosen, "chosen");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    chosen.forEach(
        (name, values) -> {
          if (values != null && !values.isEmpty()) {
            copy.put(name, List.copyOf(values));
          }
        });
    chosen = java.util.Collections.unmodifiableMap(copy);
  }

  public static SourceFilters none() {
    return new SourceFilters(Map.of());
  }

  /** The values chosen for a filter; empty when it selects everything. */
  public List<String> values(String name) {
    return chosen.getOrDefault(name, List.of());
  }

  public boolean isEmpty() {
    return chosen.isEmpty();
  }
}
