package dev.sightline.server.audit;

/**
 * Every kind of change the API records, by the name the audit log shows ({@code <thing>.<verb>}).
 * One list, so a query by action ({@code ?action=connector.}) can be written against it.
 */
public enum AuditAction {
  CONNECTOR_CREATE("connector.create"),
  /** Any edit; a new secret (a rotation) is an edit whose detail names the secret field. */
  CONNECTOR_EDIT("connector.edit"),
  CONNECTOR_DELETE("connector.delete"),
  /** A connection test of a saved connector or of settings not stored yet. */
  CONNECTOR_TEST("connector.test"),
  /** A run started by hand; scheduled runs are the schedule's, recorded with the connector. */
  RUN_START("run.start"),
  TRANSFORM_MAP_PUT("transform-map.put"),
  TRANSFORM_MAP_DELETE("transform-map.delete"),
  SEVERITY_MAPPING_PUT("severity-mapping.put"),
  SEVERITY_MAPPING_DELETE("severity-mapping.delete"),
  SCORING_WEIGHTS("scoring.weights"),
  SCORING_CRITICALITY_DEFAULTS("scoring.criticality-defaults"),
  INTEL_IMPORT("intel.import"),
  FINDING_DECISION("finding.decision"),
  ASSET_CRITICALITY("asset.criticality"),
  ASSET_UNLINK("asset.unlink");

  private final String name;

  AuditAction(String name) {
    this.name = name;
  }

  /** The name the audit log stores and filters by. */
  public String actionName() {
    return name;
  }
}
