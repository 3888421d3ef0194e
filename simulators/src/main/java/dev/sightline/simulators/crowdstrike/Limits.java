package dev.sightline.simulators.crowdstrike;

import java.util.Optional;

/** Parses the {@code limit} query parameter of the paged endpoints. */
final class Limits {
  private Limits() {}

  static Optional<Integer> parse(HttpCall call, int defaultLimit, int max) {
    Optional<String> raw = call.first("limit");
    if (raw.isEmpty()) {
      return Optional.of(defaultLimit);
    }
    try {
      int value = Integer.parseInt(raw.get().trim());
      return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String message(HttpCall call, int max) {
    return "Invalid limit '"
        + call.first("limit").orElse("")
        + "': must be an integer between 1 and "
        + max;
  }
}
