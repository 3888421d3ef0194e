package dev.sightline.platform.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default asset criticality (ACS 1–5) by normalized asset type, used until a user sets one.
 * Editable: validated, with a JSON form. Why the defaults are what they are: docs/scoring.md.
 *
 * @param byAssetType ACS per asset type, matched ignoring case and surrounding blanks
 * @param otherwise the ACS of an asset whose type is unknown or not listed
 */
public record AssetCriticality(Map<String, Integer> byAssetType, int otherwise) {

  public AssetCriticality {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    (byAssetType == null ? Map.<String, Integer>of() : byAssetType)
        .forEach(
            (type, acs) -> {
              if (type == null || type.isBlank()) {
                problems.add("byAssetType: an asset type is blank");
              } else if (acs == null || acs < 1 || acs > 5) {
                problems.add("byAssetType '" + type + "': ACS must be 1..5, not " + acs);
              } else if (types.put(type.trim(), acs) != null) {
                problems.add("byAssetType '" + type + "' is listed twice");
              }
            });
    if (otherwise < 1 || otherwise > 5) {
      problems.add("otherwise: ACS must be 1..5, not " + otherwise);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    byAssetType = Collections.unmodifiableMap(types);
  }

  /**
   * Domain Controller 5 (it holds the keys to every other machine), Server 4 (shared services and
   * data), Workstation 2 (one user's machine), Mobile 1; anything else 3, the middle, so a missing
   * type neither hides nor inflates risk.
   */
  public static AssetCriticality defaults() {
    return new AssetCriticality(
        Map.of("Domain Controller", 5, "Server", 4, "Workstation", 2, "Mobile", 1), 3);
  }

  /** The ACS for an asset of this type, with its reason. */
  public Criticality forType(String assetType) {
    if (assetType != null && !assetType.isBlank()) {
      Integer acs = byAssetType.get(assetType.trim());
      if (acs != null) {
        return new Criticality(acs, "default for " + assetType.trim());
      }
    }
    return new Criticality(
        otherwise,
        "default for an asset of "
            + (assetType == null || assetType.isBlank()
                ? "unknown type"
                : "type '" + assetType.trim().toLowerCase(Locale.ROOT) + "'"));
  }

  public String toJson() {
    return ScoringJson.write(this);
  }

  public static AssetCriticality fromJson(String json) {
    return ScoringJson.read(json, AssetCriticality.class);
  }
}
