package dev.sightline.simulators.crowdstrike;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Devices API sorts, {@code field.asc|desc} with a DOT (Spotlight and Discover use a pipe). Ties,
 * and the default order, are by {@code device_id} ascending, so a scroll's order is stable.
 */
record DeviceSort(String field, boolean descending) {
  static final List<String> FIELDS = List.of("device_id", "hostname", "last_seen", "first_seen");
  static final DeviceSort DEFAULT = new DeviceSort("device_id", false);

  static Optional<DeviceSort> parse(String text) {
    int dot = text.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String field = text.substring(0, dot);
    String direction = text.substring(dot + 1);
    if (!FIELDS.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
      return Optional.empty();
    }
    return Optional.of(new DeviceSort(field, direction.equals("desc")));
  }

  Comparator<Integer> comparator(AgentDirectory agents) {
    Comparator<Integer> byValue =
        switch (field) {
          case "hostname" -> Comparator.comparing(agents::hostname);
          case "last_seen" -> Comparator.comparingLong(agents::lastSeen);
          case "first_seen" -> Comparator.comparingLong(agents::firstSeen);
          default -> (a, b) -> 0;
        };
    if (descending) {
      byValue = byValue.reversed();
    }
    return byValue.thenComparing(agents::aid);
  }
}
