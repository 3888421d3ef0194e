package dev.sightline.platform.scoring;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.rescoring.SeverityDefaults;

/** The default severity mappings the real connector plug-ins declare, for scoring tests. */
final class SeedMappings {
  private static final SeverityDefaults DEFAULTS =
      new SeverityDefaults(ConnectorCatalog.discover());

  private SeedMappings() {}

  static SeverityMapping crowdStrike() {
    return DEFAULTS.forType("crowdstrike");
  }

  static SeverityMapping cortexXdr() {
    return DEFAULTS.forType("cortex-xdr");
  }

  static SeverityMapping forType(String type) {
    return DEFAULTS.forType(type);
  }
}
