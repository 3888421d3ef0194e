package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;

/**
 * The state of one vulnerability record, small enough to compute a million times per scan. The wire
 * id is {@code <aid>_<suffixHi><suffixLo>} (32 hex digits each side); descriptive fields come from
 * the agent's machine and the {@link CveEntry} when a response is written.
 *
 * @param ordinal base records: position in id order; records added by {@code advance}: beyond the
 *     base count
 * @param agent natural agent index in the {@link AgentDirectory}
 * @param cve catalogue reference ({@link CveCatalog#ref})
 * @param created epoch seconds; {@code updated} and {@code closed} likewise, {@code closed} is
 *     {@link #NO_TIME} when the record has no closed timestamp
 * @param exprtOverride index into {@link #EXPRT} after a rescore, or -1 for the catalogue's value
 * @param exploitOverride exploit status after a rescore, or -1
 * @param suppression index into {@link #SUPPRESSION_REASONS}, or -1 when not suppressed
 */
record Vuln(
    long ordinal,
    int agent,
    long suffixHi,
    long suffixLo,
    int cve,
    VulnStatus status,
    long created,
    long updated,
    long closed,
    int exprtOverride,
    int exploitOverride,
    int suppression,
    boolean potential) {

  static final long NO_TIME = -1;
  static final String[] EXPRT = {"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
  static final String[] SUPPRESSION_REASONS = {
    "ACCEPT_RISK", "COMPENSATING_CONTROL", "FALSE_POSITIVE"
  };

  Vuln withChange(VulnStatus newStatus, long updatedAt, long closedAt) {
    return new Vuln(
        ordinal,
        agent,
        suffixHi,
        suffixLo,
        cve,
        newStatus,
        created,
        updatedAt,
        closedAt,
        exprtOverride,
        exploitOverride,
        suppression,
        potential);
  }

  Vuln rescored(int exprt, int exploit, long updatedAt) {
    return new Vuln(
        ordinal,
        agent,
        suffixHi,
        suffixLo,
        cve,
        status,
        created,
        updatedAt,
        closed,
        exprt,
        exploit,
        suppression,
        potential);
  }
}
