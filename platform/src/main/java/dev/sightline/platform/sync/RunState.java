package dev.sightline.platform.sync;

/**
 * A run's state, as the REST contract names them: SCHEDULED (requested, waiting for a worker of
 * some node), PROCESSING (claimed by a node), then PROCESSED or ERRORED.
 */
public enum RunState {
  SCHEDULED,
  PROCESSING,
  PROCESSED,
  ERRORED;

  public boolean active() {
    return this == SCHEDULED || this == PROCESSING;
  }
}
