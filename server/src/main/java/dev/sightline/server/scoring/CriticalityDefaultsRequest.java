package dev.sightline.server.scoring;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.sightline.platform.scoring.AssetCriticality;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/scoring/criticality}: the default ACS (1..5) by asset type and for
 * every other asset, e.g. {@code {"byAssetType": {"Server": 4}, "otherwise": 3}}. {@code unknown}:
 * any other field, refused.
 */
record CriticalityDefaultsRequest(
    Map<String, Integer> byAssetType,
    Integer otherwise,
    @JsonAnySetter Map<String, Object> unknown) {

  AssetCriticality toCriticality() {
    SettingBody body =
        new SettingBody("criticality", "AssetCriticality")
            .noOtherFields("", unknown, "byAssetType, otherwise");
    Integer acs = body.required("otherwise", otherwise);
    return body.build(() -> new AssetCriticality(byAssetType, acs));
  }
}
