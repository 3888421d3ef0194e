package dev.sightline.platform.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.RecordKind;
import dev.sightline.mapping.MappingResult;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.inventory.AssetRow;
import io.burt.jmespath.Expression;
import java.util.Map;
import java.util.Optional;

/**
 * The assets a page of findings can build from the host details its records carry, for findings
 * whose asset the assets stream never returned. The connector's snapshot expression turns a finding
 * record into a record shaped like its assets stream's, which the connector's asset map then maps
 * like any other; the asset keeps the finding's asset key, so the finding attaches to it. Built
 * only on demand: most findings' assets are known.
 */
public final class AssetSnapshots {
  public static final AssetSnapshots NONE =
      new AssetSnapshots(Optional.empty(), null, null, Map.of());

  private final Optional<Expression<JsonNode>> expression;
  private final TransformMap assetMap;
  private final AssetRows rows;
  private final Map<String, JsonNode> recordByAsset;

  AssetSnapshots(
      Optional<Expression<JsonNode>> expression,
      TransformMap assetMap,
      AssetRows rows,
      Map<String, JsonNode> recordByAsset) {
    this.expression = expression;
    this.assetMap = assetMap;
    this.rows = rows;
    this.recordByAsset = Map.copyOf(recordByAsset);
  }

  /**
   * The asset built from the page's record for {@code assetKey}, marked as built from a snapshot;
   * empty when the connector declared no snapshot, the record carries none or it cannot be mapped.
   */
  public Optional<AssetRow> build(String assetKey) {
    JsonNode record = recordByAsset.get(assetKey);
    if (expression.isEmpty() || record == null) {
      return Optional.empty();
    }
    JsonNode snapshot;
    try {
      snapshot = expression.get().search(record);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (snapshot == null || !snapshot.isObject() || snapshot.isEmpty()) {
      return Optional.empty();
    }
    // A snapshot is kept even when it lacks what the map requires of a full record: the asset
    // is keyed by the finding's asset key, and a thin asset beats a lost finding.
    MappingResult result = assetMap.apply(snapshot, RecordKind.ASSET);
    return Optional.of(rows.from(assetKey, result.record()));
  }
}
