package dev.sightline.connector;

/** What a raw vendor record describes once mapped. */
public enum RecordKind {
  ASSET,
  FINDING
}
