package dev.sightline.simulators.crowdstrike;

import java.util.List;
import java.util.Optional;

/**
 * A Spotlight sort ({@code updated_timestamp|asc} …). Ties are always broken by id ascending,
 * whatever the direction, which is what lets a client resume from a (timestamp, id) pair. Records
 * without the sort field (an open record has no closed timestamp) come last, as in Elasticsearch.
 */
record VulnSort(Field field, boolean descending) {
  enum Field {
    CREATED("created_timestamp"),
    UPDATED("updated_timestamp"),
    CLOSED("closed_timestamp");

    final String wire;

    Field(String wire) {
      this.wire = wire;
    }

    long seconds(Vuln v) {
      return switch (this) {
        case CREATED -> v.created();
        case UPDATED -> v.updated();
        case CLOSED -> v.closed();
      };
    }
  }

  static final VulnSort DEFAULT = new VulnSort(Field.UPDATED, false);
  static final List<String> SUPPORTED =
      List.of(
          "updated_timestamp|asc",
          "updated_timestamp|desc",
          "created_timestamp|asc",
          "created_timestamp|desc",
          "closed_timestamp|asc");

  /** Encoded times use 36 bits (until year 4147); the rest of a 64-bit index key is the ordinal. */
  static final long MAX_ENCODED = (1L << 36) - 1;

  static Optional<VulnSort> parse(String text) {
    if (!SUPPORTED.contains(text)) {
      return Optional.empty();
    }
    String[] parts = text.split("\\|");
    Field field =
        switch (parts[0]) {
          case "created_timestamp" -> Field.CREATED;
          case "closed_timestamp" -> Field.CLOSED;
          default -> Field.UPDATED;
        };
    return Optional.of(new VulnSort(field, parts[1].equals("desc")));
  }

  String wire() {
    return field.wire + (descending ? "|desc" : "|asc");
  }

  /** Position of a record's sort value in sort order; missing values encode last. */
  long encode(Vuln v) {
    return encodeSeconds(field.seconds(v));
  }

  long encodeSeconds(long seconds) {
    if (seconds == Vuln.NO_TIME) {
      return MAX_ENCODED;
    }
    return descending ? MAX_ENCODED - 1 - seconds : seconds;
  }

  /** The search-after sort value the cursor carries, in epoch milliseconds. */
  long sortValueMillis(Vuln v) {
    long seconds = field.seconds(v);
    return seconds == Vuln.NO_TIME ? Long.MAX_VALUE : seconds * 1000;
  }

  /** Inverse of {@link #sortValueMillis} into the encoded order; millis are whole seconds here. */
  long encodeSortValue(long millis) {
    return millis == Long.MAX_VALUE ? MAX_ENCODED : encodeSeconds(Math.floorDiv(millis, 1000));
  }
}
