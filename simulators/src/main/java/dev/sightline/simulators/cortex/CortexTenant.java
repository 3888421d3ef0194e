package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated Cortex XDR customer: fleet window, endpoints, the CVE catalogue and the
 * vulnerability-assessment store.
 *
 * <p>Its time anchor is the start of the current UTC day minus one hour, as for the CrowdStrike
 * simulator: every initial timestamp lies at or before it, the catalogue is the same as a
 * CrowdStrike tenant's started the same day, and the tenant is byte-identical for any start on the
 * same day with the same {@code (seed, offset, hosts)}.
 */
final class CortexTenant {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CortexXdrSimulatorOptions options;
  private final long anchor;
  private final EndpointDirectory endpoints;
  private final BaseFindings base;
  private final VaStore store;

  CortexTenant(CortexXdrSimulatorOptions options) {
    this.options = options;
    Clock clock = options.clock();
    this.anchor =
        clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(1)).getEpochSecond();
    Fleet fleet = new Fleet(options.seed());
    this.endpoints = new EndpointDirectory(fleet, options.offset(), options.hosts(), anchor);
    CveCatalog catalog = new CveCatalog(options.seed(), anchor);
    this.base = new BaseFindings(options.seed(), endpoints, catalog);
    this.store =
        new VaStore(
            options.seed(),
            endpoints,
            base,
            clock,
            new BlankCveRows(
                CortexFaultSpec.parse(options.faultSpec()).blankCveRate(), options.seed()));
  }

  EndpointDirectory endpoints() {
    return endpoints;
  }

  VaStore store() {
    return store;
  }

  /** The ground truth a test or benchmark compares a sync against. */
  ObjectNode manifest(String faults, double usedQuota) {
    VaSnapshot s = store.snapshot();
    ObjectNode m = MAPPER.createObjectNode();
    m.put("vendor", "cortex-xdr");
    m.put("seed", options.seed());
    m.put("fleetOffset", options.offset());
    m.put("hosts", options.hosts());
    m.put("agents", endpoints.count());
    m.put("endpoints", endpoints.count());
    m.put("reimagedMachines", endpoints.reimagedMachines());
    m.put("findings", s.findings());
    CveIndex index = s.index();
    m.put("cves", index.distinct().length);
    Map<EndpointStatus, Integer> byStatus = new EnumMap<>(EndpointStatus.class);
    int withCves = 0;
    int blankRows = 0;
    Map<String, Long> bySeverity = new TreeMap<>();
    for (int e = 0; e < endpoints.count(); e++) {
      byStatus.merge(s.status(e), 1, Integer::sum);
      int[] refs = s.refs(e);
      withCves += refs.length > 0 ? 1 : 0;
      blankRows += s.blankRow(e) ? 1 : 0;
    }
    for (int ref : index.distinct()) {
      bySeverity.merge(
          VaRows.severity(base.entry(ref)), (long) index.endpoints(ref).length, Long::sum);
    }
    m.put("endpointsWithCves", withCves);
    m.put("blankCveRows", blankRows);
    ObjectNode status = m.putObject("byStatus");
    for (EndpointStatus st : EndpointStatus.values()) {
      status.put(st.name(), byStatus.getOrDefault(st, 0));
    }
    ObjectNode severity = m.putObject("findingsBySeverity");
    bySeverity.forEach(severity::put);
    m.put("advances", s.advances());
    m.put("changedFindings", s.changedFindings());
    VaSnapshot.AdvanceSummary last = s.lastAdvance();
    if (last.at() < 0) {
      m.putNull("lastAdvance");
    } else {
      ObjectNode a = m.putObject("lastAdvance");
      a.put("at", Instant.ofEpochMilli(last.at()).toString());
      a.put("atMillis", last.at());
      a.put("changes", last.changes());
      a.put("fixed", last.fixed());
      a.put("added", last.added());
      a.put("endpoints", last.endpoints());
    }
    m.put("anchor", Instant.ofEpochSecond(anchor).toString());
    m.put("keyId", options.keyId());
    m.put("security", options.security().wire());
    m.put("role", options.role());
    m.put("vulnerabilityLicense", options.vulnerabilityLicense());
    m.put("dailyQuotaUnits", options.dailyQuotaUnits());
    m.put("usedQuotaUnits", usedQuota);
    m.put("faults", faults);
    return m;
  }
}
