package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.SourceFilter;
import dev.sightline.connector.SourceFilters;
import java.util.List;

/**
 * The seed's optional source-side filters, Product Type and Data Provider, and the FQL clauses that
 * apply them to both endpoints, so a delta run selects what a full run does. Discover filters an
 * asset by its {@code product_type_desc} and {@code data_providers}; Spotlight filters a finding by
 * its host's {@code host_info.product_type_desc} and by the data provider that found it ({@code
 * data_providers.provider}), which is always one of its asset's data providers.
 */
final class CrowdStrikeSourceFilters {
  static final String PRODUCT_TYPES = "productTypes";
  static final String DATA_PROVIDERS = "dataProviders";

  static final List<SourceFilter> DECLARED =
      List.of(
          new SourceFilter(
              PRODUCT_TYPES,
              "Product Type",
              "Only assets of these product types (Falcon's product_type_desc), and their findings",
              List.of("Workstation", "Server", "Domain Controller")),
          new SourceFilter(
              DATA_PROVIDERS,
              "Data Provider",
              "Only assets these data providers reported (Falcon sensor, Falcon Network Scan, Active"
                  + " Directory …), and the findings they found",
              List.of(
                  "Falcon sensor",
                  "Falcon Network Scan",
                  "Active Directory",
                  "CrowdStrike",
                  "ServiceNow")));

  /** The FQL fields each endpoint filters by. */
  enum Field {
    DISCOVER("product_type_desc", "data_providers"),
    SPOTLIGHT("host_info.product_type_desc", "data_providers.provider");

    private final String productType;
    private final String dataProvider;

    Field(String productType, String dataProvider) {
      this.productType = productType;
      this.dataProvider = dataProvider;
    }
  }

  private final SourceFilters chosen;

  CrowdStrikeSourceFilters(SourceFilters chosen) {
    this.chosen = chosen;
  }

  static CrowdStrikeSourceFilters none() {
    return new CrowdStrikeSourceFilters(SourceFilters.none());
  }

  /** The clause for one endpoint, "" when no filter is set. */
  String fql(Field fields) {
    List<String> types = chosen.values(PRODUCT_TYPES);
    List<String> providers = chosen.values(DATA_PROVIDERS);
    return CrowdStrikeFql.and(
        types.isEmpty() ? "" : CrowdStrikeFql.anyOf(fields.productType, types),
        providers.isEmpty() ? "" : CrowdStrikeFql.anyOf(fields.dataProvider, providers));
  }
}
