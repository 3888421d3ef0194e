package dev.sightline.server.cli;

import java.util.Locale;
import java.util.Optional;

/** How {@code sightline query} prints: a table for people, or an export format for scripts. */
enum QueryFormat {
  TABLE,
  CSV,
  JSON,
  NDJSON;

  static Optional<QueryFormat> parse(String text) {
    for (QueryFormat f : values()) {
      if (f.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** As the command line and the export's {@code format=} spell it. */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
