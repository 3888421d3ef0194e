package dev.sightline.connector;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a connector is and what it can do; drives the console form, validation and the platform's
 * choice of streams.
 *
 * @param type the stable key used in the REST API, e.g. {@code crowdstrike}
 * @param vendorProductName the name findings are attributed to, e.g. "CrowdStrike Endpoint Security"
 * @param sourceName the inventory source label, e.g. "CrowdStrike Spotlight"
 * @param defaultMaps the default transform maps
 */
public record ConnectorDescriptor(
    String type,
    String vendor,
    String vendorProductName,
    String sourceName,
    String category,
    ConfigSpec config,
    Set<Capability> capabilities,
    List<DefaultMap> defaultMaps) {

  public ConnectorDescriptor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(vendorProductName, "vendorProductName");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(config, "config");
    capabilities = Set.copyOf(capabilities);
    defaultMaps = List.copyOf(defaultMaps);
  }

  public enum Capability {
    DELTA,
    FINDINGS,
    SOURCE_TAGS,
    INSTALLED_SOFTWARE,
    FILTERS,
    SAMPLING
  }

  /**
   * A transform map shipped with the connector (a classpath resource). Each field of a map says
   * which record kind it applies to, so one map may serve both assets and findings, as the
   * CrowdStrike seed map does.
   */
  public record DefaultMap(String name, String resource) {
    public DefaultMap {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(resource, "resource");
    }
  }
}
