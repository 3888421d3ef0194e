package dev.sightline.server.scoring;

import dev.sightline.platform.scoring.AssetCriticality;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default ACS by asset type (in the platform's order: by name, ignoring case) and otherwise.
 */
record CriticalityDefaultsResponse(Map<String, Integer> byAssetType, int otherwise) {

  static CriticalityDefaultsResponse from(AssetCriticality c) {
    return new CriticalityDefaultsResponse(new LinkedHashMap<>(c.byAssetType()), c.otherwise());
  }
}
