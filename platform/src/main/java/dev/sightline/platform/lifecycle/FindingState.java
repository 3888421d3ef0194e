package dev.sightline.platform.lifecycle;

/**
 * A logical finding's lifecycle state, as stored ({@code finding.state}, checked by the database
 * against these names) and shown.
 */
public enum FindingState {
  /** First found open by this run. */
  NEW,
  /** Still found open by a later run. */
  ACTIVE,
  /** No source reports it open any more. */
  FIXED,
  /** A source reports it open again after it was fixed. */
  REOPENED
}
