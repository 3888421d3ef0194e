package dev.sightline.platform.ingest;

import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.FindingRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of raw records after mapping: what can be stored and what was rejected, with the page's
 * figures so far ({@code tally}: fetched and rejected; the store adds what it stored).
 *
 * @param fetched records fetched, counting each finding of a record that carries findings as
 *     elements
 * @param carriesElements whether the stream's records carry findings as elements, so the page's
 *     findings are tallied as elements
 * @param elementPaths where each element finding sat in its record, by its external id
 * @param snapshots builds the asset of an asset key from a record of the page that carries it, when
 *     the connector declared a host snapshot (see {@code StreamSpec#assetSnapshot})
 */
public record MappedPage(
    int fetched,
    List<AssetRow> assets,
    List<FindingRow> findings,
    List<Rejection> rejections,
    StreamTally tally,
    boolean carriesElements,
    Map<String, String> elementPaths,
    AssetSnapshots snapshots) {

  public MappedPage {
    assets = List.copyOf(assets);
    findings = List.copyOf(findings);
    rejections = List.copyOf(rejections);
    elementPaths = Map.copyOf(elementPaths);
  }

  public Optional<String> elementPath(String externalFindingId) {
    return Optional.ofNullable(elementPaths.get(externalFindingId));
  }
}
