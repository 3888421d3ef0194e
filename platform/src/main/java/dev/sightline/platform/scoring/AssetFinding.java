package dev.sightline.platform.scoring;

/**
 * One finding of an asset, as the asset risk formula sees it.
 *
 * @param id the finding's id, named in the explanation when it is the top finding
 * @param qds its QDS, 1–100
 * @param open false for FIXED findings (and whatever else the caller excludes, such as false
 *     positives): those do not count
 */
public record AssetFinding(String id, int qds, boolean open) {
  public AssetFinding {
    QdsBand.of(qds);
  }
}
