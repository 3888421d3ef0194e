package dev.sightline.server.assets;

import dev.sightline.platform.views.InventoryTotals;
import java.util.Map;

/**
 * The inventory's totals: {@code assets} that count (a stale one does not), {@code staleAssets}
 * apart, the {@code openFindings} of counted assets and the counted assets by risk band.
 */
record AssetTotalsResponse(
    long assets, long staleAssets, long openFindings, Map<String, Long> assetsByRiskBand) {

  static AssetTotalsResponse from(InventoryTotals t) {
    return new AssetTotalsResponse(
        t.assets(), t.staleAssets(), t.openFindings(), t.assetsByRiskBand());
  }
}
