package dev.sightline.platform.intel;

import java.util.List;

/**
 * What one {@code intel update} did, feed by feed (KEV, EPSS, NVD). Loads it added queued the
 * assets whose findings' intelligence changed on the rescore queue; draining it is the caller's.
 */
public record IntelUpdate(List<FeedOutcome> feeds) {
  public IntelUpdate {
    feeds = List.copyOf(feeds);
  }

  public boolean anyFailed() {
    return feeds.stream().anyMatch(f -> f.status() == FeedOutcome.Status.FAILED);
  }

  /** Whether any feed added a load (and so may have queued rescoring). */
  public boolean loadedAny() {
    return feeds.stream().anyMatch(f -> f.status() == FeedOutcome.Status.FETCHED);
  }

  public List<String> lines() {
    return feeds.stream().map(FeedOutcome::line).toList();
  }
}
