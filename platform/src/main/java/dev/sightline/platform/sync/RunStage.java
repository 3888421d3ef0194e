package dev.sightline.platform.sync;

import java.util.Locale;

/** The stages a run's time is spent in, as the run reports them. */
public enum RunStage {
  /** Waiting for the vendor's pages (network, rate limits, retries). */
  FETCH,
  /** Transform maps and normalization of each page. */
  MAP,
  /** Writing source records and detections, rejections, counters and checkpoints. */
  WRITE,
  /** Linking source records into assets. */
  CORRELATE,
  /** Closing what a full read did not return; recomputing findings and their states. */
  LIFECYCLE,
  /** Rescoring the assets the run touched. */
  SCORE;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
