package dev.sightline.server.console.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** How the detail pages write dates and keyed values (public: templates call its methods). */
public final class Formats {
  public String when(Instant at) {
    return at == null ? "—" : Columns.when(at);
  }

  public String values(Map<String, Object> values) {
    if (values == null || values.isEmpty()) {
      return "—";
    }
    return values.entrySet().stream()
        .map(e -> e.getKey() + " = " + (e.getValue() == null ? "not known" : e.getValue()))
        .collect(Collectors.joining("; "));
  }

  public String list(java.util.List<?> values) {
    return values == null || values.isEmpty()
        ? "—"
        : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
