package dev.sightline.platform.sync;

/**
 * Where a run's findings are: PENDING until the assets are in, PROCESSING while the findings
 * streams read, then PROCESSED or ERRORED; NOT_REQUESTED when the connector syncs assets only.
 */
public enum FindingsState {
  PENDING,
  PROCESSING,
  PROCESSED,
  ERRORED,
  NOT_REQUESTED
}
