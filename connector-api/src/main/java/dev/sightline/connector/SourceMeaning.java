package dev.sightline.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector's findings mean in the platform's terms, declared by the connector so the
 * platform never needs to know a vendor: the words its source uses for severity (on the seed's
 * scale 1–5, the defaults of the connector's Risk Severity Mapping) and the statuses it reports.
 *
 * @param severityWords source severity word → severity 1..5, matched ignoring case; a word not
 *     listed gets the mapping's default severity
 * @param statuses source status → what it means, matched ignoring case; a finding with a status not
 *     listed is open unless the source gave it a fix date
 */
public record SourceMeaning(Map<String, Integer> severityWords, Map<String, Status> statuses) {

  /** What a source status says about the vulnerability. */
  public enum Status {
    OPEN(true),
    REOPENED(true),
    CLOSED(false),
    /** The source stopped tracking it (the host went away, the record aged out): not open. */
    EXPIRED(false);

    private final boolean open;

    Status(boolean open) {
      this.open = open;
    }

    public boolean open() {
      return open;
    }
  }

  /**
   * For a connector that declares nothing: the common CVSS severity words and the statuses most
   * sources use.
   */
  public static final SourceMeaning COMMON =
      new SourceMeaning(
          ordered("INFORMATIONAL", 1, "NONE", 1, "LOW", 2, "MEDIUM", 3, "HIGH", 4, "CRITICAL", 5),
          ordered(
              "open",
              Status.OPEN,
              "new",
              Status.OPEN,
              "active",
              Status.OPEN,
              "reopened",
              Status.REOPENED,
              "closed",
              Status.CLOSED,
              "fixed",
              Status.CLOSED,
              "resolved",
              Status.CLOSED,
              "remediated",
              Status.CLOSED,
              "mitigated",
              Status.CLOSED,
              "patched",
              Status.CLOSED,
              "expired",
              Status.EXPIRED));

  public SourceMeaning {
    Objects.requireNonNull(severityWords, "severityWords");
    Objects.requireNonNull(statuses, "statuses");
    severityWords.forEach(
        (word, severity) -> {
          if (word == null || word.isBlank() || severity == null || severity < 1 || severity > 5) {
            throw new IllegalArgumentException("a severity word needs a severity 1..5: " + word);
          }
        });
    severityWords = Collections.unmodifiableMap(new LinkedHashMap<>(severityWords));
    statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  /** What the source's status means; empty when the source did not declare it. */
  public Optional<Status> status(String sourceStatus) {
    if (sourceStatus == null || sourceStatus.isBlank()) {
      return Optional.empty();
    }
    String wanted = sourceStatus.trim().toLowerCase(Locale.ROOT);
    return statuses.entrySet().stream()
        .filter(e -> e.getKey().trim().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Pairs of key and value, kept in the order given (the order people read them in). */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return out;
  }
}
