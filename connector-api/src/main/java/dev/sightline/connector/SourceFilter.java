package dev.sightline.connector;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter a connector applies at the source, declared by its descriptor so the platform can
 * validate, store and show a user's choice without knowing what it means. A filter takes a list of
 * values from {@link #allowedValues}; an empty list means "no filter".
 *
 * @param name the key under {@code "filters"} in the REST API, e.g. {@code productTypes}
 * @param label the name people know it by, e.g. "Product Type"
 * @param description what it selects, shown in the console and in errors
 */
public record SourceFilter(
    String name, String label, String description, List<String> allowedValues) {

  public SourceFilter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    allowedValues = List.copyOf(allowedValues);
    if (allowedValues.isEmpty()) {
      throw new IllegalArgumentException("a source filter needs its allowed values: " + name);
    }
  }

  /** The allowed value a user's value names, compared without regard to case or outer spaces. */
  public Optional<String> canonical(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return allowedValues.stream()
        .filter(v -> v.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
