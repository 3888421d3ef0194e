package dev.sightline.platform.intel;

import java.util.Optional;

/**
 * What one feed's update did: fetched a changed file into a new load, found it unchanged (a 304: no
 * load, nothing rescored), or failed, saying why and what to do.
 *
 * @param url where it was fetched from, without query or credentials
 * @param load the new load when fetched; null otherwise
 * @param detail for a fetch, what was asked (NVD: the span of changes and the pages); for a
 *     failure, why and what to do; empty when unchanged
 */
public record FeedOutcome(
    IntelSource source, Status status, String url, IntelLoad load, String detail) {

  public enum Status {
    FETCHED,
    UNCHANGED,
    FAILED
  }

  public FeedOutcome {
    if ((status == Status.FETCHED) != (load != null)) {
      throw new IllegalArgumentException("a fetched feed, and only one, carries its load");
    }
  }

  static FeedOutcome fetched(IntelSource source, String url, IntelLoad load, String detail) {
    return new FeedOutcome(source, Status.FETCHED, url, load, detail);
  }

  static FeedOutcome unchanged(IntelSource source, String url) {
    return new FeedOutcome(source, Status.UNCHANGED, url, null, "");
  }

  static FeedOutcome failed(IntelSource source, String url, String why) {
    return new FeedOutcome(source, Status.FAILED, url, null, why);
  }

  public Optional<IntelLoad> loaded() {
    return Optional.ofNullable(load);
  }

  /** One line for the command's output and the log, e.g. {@code KEV unchanged (304)}. */
  public String line() {
    String label = String.format("%-4s ", source);
    return switch (status) {
      case UNCHANGED ->
          label + "unchanged (304 Not Modified since the last fetch from " + url + ")";
      case FAILED -> label + "failed: " + detail;
      case FETCHED ->
          label
              + String.format(
                  "fetched %d records from %s%s: version %s, dated %s; %d new, %d updated,"
                      + " %d unchanged%s",
                  load.records(),
                  url,
                  detail.isEmpty() ? "" : " (" + detail + ")",
                  load.version() == null ? "(none stated)" : load.version(),
                  load.sourceDate() == null ? "(none stated)" : load.sourceDate(),
                  load.inserted(),
                  load.updated(),
                  load.unchanged(),
                  load.removed() > 0 ? ", " + load.removed() + " no longer listed" : "");
    };
  }
}
