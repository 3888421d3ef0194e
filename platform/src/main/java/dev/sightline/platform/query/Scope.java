package dev.sightline.platform.query;

/**
 * Which rows a token reads, relative to the entity listed: the entity's own row, or rows of which
 * any one may match (an asset's source records, a finding's detections).
 */
enum Scope {
  /** The logical asset ({@code asset}). */
  ASSET,
  /** One source record of the asset ({@code source_asset}): any of them may match. */
  SOURCE,
  /** The logical finding ({@code finding}). */
  FINDING,
  /** One detection of the finding ({@code detection}): any of them may match. */
  DETECTION
}
