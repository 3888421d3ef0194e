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
  ASSET_UNLINK("asset.unlink"),
  USER_CREATE("user.create"),
  /** A role, display name or password change (the detail says a password was set, never it). */
  USER_EDIT("user.edit"),
  USER_DELETE("user.delete"),
  /** A saved view made, changed (its query, sort, columns, name or sharing) or removed. */
  VIEW_CREATE("view.create"),
  VIEW_EDIT("view.edit"),
  VIEW_DELETE("view.delete"),
  TOKEN_CREATE("token.create"),
  TOKEN_REVOKE("token.revoke"),
  /** A sign-in with a password or through single sign-on (the detail says which). */
  SESSION_SIGN_IN("session.sign-in"),
  /**
   * A refused sign-in: wrong name or password, paused by the throttle, no role from the sign-on.
   */
  SESSION_SIGN_IN_FAILED("session.sign-in-failed"),
  SESSION_SIGN_OUT("session.sign-out");

  private final String name;

  AuditAction(String name) {
    this.name = name;
  }

  /** The name the audit log stores and filters by. */
  public String actionName() {
    return name;
  }
}
