package dev.sightline.platform.rescoring;

import dev.sightline.connector.SourceMeaning;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.scoring.SeverityMapping;

/**
 * The default Risk Severity Mapping of each connector type: the seed's table with the severity
 * words the connector's descriptor declares, so the platform knows no vendor's words itself. A type
 * no plug-in provides gets the common CVSS words.
 */
public final class SeverityDefaults {
  private final ConnectorCatalog catalog;

  public SeverityDefaults(ConnectorCatalog catalog) {
    this.catalog = catalog;
  }

  public SeverityMapping forType(String connectorType) {
    SourceMeaning meaning =
        catalog.find(connectorType).map(f -> f.descriptor().meaning()).orElse(SourceMeaning.COMMON);
    return SeverityMapping.seed(connectorType, meaning.severityWords());
  }
}
