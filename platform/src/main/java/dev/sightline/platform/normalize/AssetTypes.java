package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.Optional;

/**
 * Asset types in one vocabulary: {@value #SERVER}, {@value #WORKSTATION}, {@value
 * #DOMAIN_CONTROLLER}, {@value #MOBILE}, {@value #CONTAINER}, {@value #SERVERLESS}.
 *
 * <p>Spellings: Cortex XDR {@code endpoint_type} AGENT_TYPE_SERVER / _WORKSTATION / _MOBILE /
 * _CONTAINERIZED / _SERVERLESS and legacy {@code agent_type} "Server" / "Workstation"
 * (vendors/cortex-xdr.md §2.2, §2.3); CrowdStrike {@code product_type} "1" / "2" / "3" and {@code
 * product_type_desc} Workstation / Domain Controller / Server (vendors/crowdstrike.md §3, the
 * Windows {@code ProductType} values). Chassis words "Desktop", "Laptop", "Notebook" mean a user
 * machine and become Workstation; "VDI" (Cortex's VDI endpoints) is a user desktop too, so
 * Workstation — its non-persistence is a lifecycle matter, not a type. "Virtual Machine" is a form
 * factor, not a type, and gives empty, as do "Unknown" and "Other".
 */
public final class AssetTypes {
  public static final String SERVER = "Server";
  public static final String WORKSTATION = "Workstation";
  public static final String DOMAIN_CONTROLLER = "Domain Controller";
  public static final String MOBILE = "Mobile";
  public static final String CONTAINER = "Container";
  public static final String SERVERLESS = "Serverless";

  /** Compact spelling (letters and digits, AGENT_TYPE_ prefix removed) → type. */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("SERVER", SERVER),
          Map.entry("3", SERVER),
          Map.entry("WORKSTATION", WORKSTATION),
          Map.entry("1", WORKSTATION),
          Map.entry("DESKTOP", WORKSTATION),
          Map.entry("LAPTOP", WORKSTATION),
          Map.entry("NOTEBOOK", WORKSTATION),
          Map.entry("VDI", WORKSTATION),
          Map.entry("DOMAINCONTROLLER", DOMAIN_CONTROLLER),
          Map.entry("2", DOMAIN_CONTROLLER),
          Map.entry("MOBILE", MOBILE),
          Map.entry("PHONE", MOBILE),
          Map.entry("SMARTPHONE", MOBILE),
          Map.entry("TABLET", MOBILE),
          Map.entry("CONTAINERIZED", CONTAINER),
          Map.entry("CONTAINER", CONTAINER),
          Map.entry("SERVERLESS", SERVERLESS));

  private static final String AGENT_TYPE = "AGENTTYPE";

  private AssetTypes() {}

  public static Optional<String> canonical(String raw) {
    return RawText.clean(raw)
        .map(RawText::compactKey)
        .map(k -> k.startsWith(AGENT_TYPE) ? k.substring(AGENT_TYPE.length()) : k)
        .map(TYPES::get);
  }
}
