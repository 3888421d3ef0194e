package dev.sightline.platform.connectors;

import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.SourceFilter;
import dev.sightline.connector.SourceFilters;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the source-side filters of a connector request against those its type declares: an unknown
 * filter or value is a problem naming the field ({@code filters.productTypes}) and the values
 * allowed. Accepted values are kept in their declared spelling, each once.
 */
final class FilterValidation {
  private final ConnectorDescriptor descriptor;

  FilterValidation(ConnectorDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  SourceFilters validate(Map<String, List<String>> requested, List<Problem> problems) {
    Map<String, List<String>> chosen = new LinkedHashMap<>();
    requested.forEach(
        (name, values) -> {
          String field = "filters." + name;
          Optional<SourceFilter> filter = descriptor.filter(name);
          if (filter.isEmpty()) {
            problems.add(
                new Problem(
                    field,
                    descriptor.filters().isEmpty()
                        ? "a "
                            + descriptor.type()
                            + " connector takes no source filters: remove '"
                            + name
                            + "'"
                        : "unknown filter '"
                            + name
                            + "': use "
                            + String.join(
                                ", ",
                                descriptor.filters().stream().map(SourceFilter::name).toList())));
            return;
          }
          LinkedHashSet<String> accepted = new LinkedHashSet<>();
          for (String value : values == null ? List.<String>of() : values) {
            Optional<String> known = filter.get().canonical(value);
            if (known.isEmpty()) {
              problems.add(
                  new Problem(
                      field,
                      filter.get().label()
                          + " has no value '"
                          + value
                          + "': use one of "
                          + String.join(", ", filter.get().allowedValues())));
            } else {
              accepted.add(known.get());
            }
          }
          chosen.put(name, new ArrayList<>(accepted));
        });
    return new SourceFilters(chosen);
  }
}
