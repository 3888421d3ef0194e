package dev.sightline.platform.views;

import java.util.Map;

/**
 * The inventory's totals: only assets that count (SQL {@code asset_counts}: not stale) and their
 * findings that count ({@code finding_counts}).
 *
 * @param assets assets some source reports that are not stale
 * @param staleAssets assets no source has seen for their retention period, counted apart
 * @param openFindings findings that count, of counted assets
 * @param assetsByRiskBand counted assets by stored risk band (scored assets only)
 */
public record InventoryTotals(
    long assets, long staleAssets, long openFindings, Map<String, Long> assetsByRiskBand) {

  public InventoryTotals {
    assetsByRiskBand = Map.copyOf(assetsByRiskBand);
  }
}
