package dev.sightline.platform.connectors;

/** The seed's connector states. */
public enum ConnectorState {
  REGISTERED,
  SCHEDULED,
  PROCESSING,
  PROCESSED,
  ERRORED
}
