package dev.sightline.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a connector is and what it can do; drives the console form, validation and the platform's
 * choice of streams.
 *
 * @param type the stable key used in the REST API, e.g. {@code crowdstrike}
 * @param vendorProductName the name findings are attributed to, e.g. "CrowdStrike Endpoint
 *     Security"
 * @param sourceName the inventory source label, e.g. "CrowdStrike Spotlight"
 * @param defaultMaps the default transform maps
 * @param filters the source-side filters a user may set (applied by the connector at the source)
 * @param tagKinds how the connector's {@code sourceTags} values split into kinds, first match wins;
 *     a tag no entry matches keeps the kind {@link TagKind#UNSPECIFIED}
 * @param meaning what its findings' severity words and statuses mean
 */
public record ConnectorDescriptor(
    String type,
    String vendor,
    String vendorProductName,
    String sourceName,
    String category,
    ConfigSpec config,
    Set<Capability> capabilities,
    List<DefaultMap> defaultMaps,
    List<SourceFilter> filters,
    List<TagKind> tagKinds,
    SourceMeaning meaning) {

  public ConnectorDescriptor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(vendorProductName, "vendorProductName");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(config, "config");
    capabilities = Set.copyOf(capabilities);
    defaultMaps = List.copyOf(defaultMaps);
    filters = List.copyOf(filters);
    tagKinds = List.copyOf(tagKinds);
    Objects.requireNonNull(meaning, "meaning");
  }

  /**
   * A descriptor without source filters, with every source tag of one kind and the common meanings
   * of severity words and statuses.
   */
  public ConnectorDescriptor(
      String type,
      String vendor,
      String vendorProductName,
      String sourceName,
      String category,
      ConfigSpec config,
      Set<Capability> capabilities,
      List<DefaultMap> defaultMaps) {
    this(
        type,
        vendor,
        vendorProductName,
        sourceName,
        category,
        config,
        capabilities,
        defaultMaps,
        List.of(),
        List.of(),
        SourceMeaning.COMMON);
  }

  public Optional<SourceFilter> filter(String name) {
    return filters.stream().filter(f -> f.name().equals(name)).findFirst();
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
