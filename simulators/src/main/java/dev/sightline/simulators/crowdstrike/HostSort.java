package dev.sightline.simulators.crowdstrike;

import java.util.List;
import java.util.Optional;

/** Discover host sorts; ties are broken by id ascending in both directions. */
record HostSort(Field field, boolean descending) {
  enum Field {
    ID,
    LAST_SEEN,
    FIRST_SEEN,
    HOSTNAME
  }

  static final HostSort BY_ID = new HostSort(Field.ID, false);
  static final List<String> SUPPORTED =
      List.of(
          "last_seen_timestamp|asc",
          "last_seen_timestamp|desc",
          "first_seen_timestamp|asc",
          "first_seen_timestamp|desc",
          "hostname|asc",
          "hostname|desc");

  static Optional<HostSort> parse(String text) {
    if (!SUPPORTED.contains(text)) {
      return Optional.empty();
    }
    String[] parts = text.split("\\|");
    Field field =
        switch (parts[0]) {
          case "last_seen_timestamp" -> Field.LAST_SEEN;
          case "first_seen_timestamp" -> Field.FIRST_SEEN;
          default -> Field.HOSTNAME;
        };
    return Optional.of(new HostSort(field, parts[1].equals("desc")));
  }

  boolean textual() {
    return field == Field.HOSTNAME;
  }
}
