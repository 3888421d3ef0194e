package dev.sightline.server.scoring;

/** A saved setting and the background rescoring it started. */
record Saved<T>(T value, BackgroundRescoring.Status rescoring) {

  /** Asks for the drain the save queued, then reports where rescoring stands. */
  static <T> Saved<T> of(T value, BackgroundRescoring rescoring) {
    rescoring.request();
    return new Saved<>(value, rescoring.status());
  }
}
