package dev.sightline.platform.sync;

/** A run's state, as the REST contract names them. */
public enum RunState {
  PROCESSING,
  PROCESSED,
  ERRORED
}
