package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeSet;

/**
 * The simulated CrowdStrike customer: fleet window, agents, CVE catalogue and vulnerability store.
 *
 * <p>Its time anchor is the start of the current UTC day minus one hour: every initial timestamp
 * lies at or before it (so at least an hour in the past), and the tenant is byte-identical for any
 * start on the same day with the same {@code (seed, offset, hosts)}.
 */
final class CrowdStrikeTenant {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CrowdStrikeSimulatorOptions options;
  private final long anchor;
  private final AgentDirectory agents;
  private final UnlistedHosts unlisted;
  private final VulnStore vulns;

  CrowdStrikeTenant(CrowdStrikeSimulatorOptions options) {
    this.options = options;
    Clock clock = options.clock();
    this.anchor =
        clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(1)).getEpochSecond();
    Fleet fleet = new Fleet(options.seed());
    this.agents = new AgentDirectory(fleet, options.offset(), options.hosts(), anchor);
    this.unlisted =
        new UnlistedHosts(
            agents,
            options.seed(),
            CrowdStrikeFaultSpec.parse(options.faultSpec()).unlistedHostsRate());
    CveCatalog catalog = new CveCatalog(options.seed(), anchor);
    this.vulns = new VulnStore(options.seed(), anchor, clock, agents, catalog);
  }

  AgentDirectory agents() {
    return agents;
  }

  UnlistedHosts unlisted() {
    return unlisted;
  }

  VulnStore vulns() {
    return vulns;
  }

  long anchor() {
    return anchor;
  }

  /** The ground truth a test or benchmark compares a sync against. */
  ObjectNode manifest(String faults) {
    VulnSnapshot s = vulns.snapshot();
    ObjectNode m = MAPPER.createObjectNode();
    m.put("vendor", "crowdstrike");
    m.put("seed", options.seed());
    m.put("fleetOffset", options.offset());
    m.put("hosts", options.hosts());
    m.put("agents", agents.count());
    m.put("reimagedMachines", agents.reimagedMachines());
    m.put("cid", agents.cid());
    m.put("unmanagedAssets", agents.unmanagedCount());
    m.put("unlistedHosts", unlisted.machines());
    m.put("vulnerabilities", s.total());
    m.put("unmanagedVulnerabilities", AssetBreakdown.unmanagedVulnerabilities(agents, s));
    ObjectNode byStatus = m.putObject("byStatus");
    for (VulnStatus status : VulnStatus.values()) {
      byStatus.put(status.wire(), s.count(status));
    }
    AssetBreakdown.byProductType(m.putObject("byProductType"), agents, s);
    AssetBreakdown.byDataProvider(m.putObject("byDataProvider"), agents, s);
    ObjectNode severity = m.putObject("bySeverityAtStart");
    for (Map.Entry<String, Long> e : vulns.bySeverityAtStart().entrySet()) {
      severity.put(e.getKey(), e.getValue());
    }
    m.put("cisaKevAtStart", vulns.cisaKevAtStart());
    m.put("advances", s.advances());
    m.put("changedRecords", s.overlaySize());
    VulnSnapshot.AdvanceSummary last = s.lastAdvance();
    if (last.at() == Vuln.NO_TIME) {
      m.putNull("lastAdvance");
    } else {
      ObjectNode a = m.putObject("lastAdvance");
      a.put("at", CsRendering.iso(last.at()));
      a.put("changes", last.total());
      a.put("closed", last.closed());
      a.put("reopened", last.reopened());
      a.put("added", last.added());
      a.put("rescored", last.rescored());
    }
    m.put("anchor", CsRendering.iso(anchor));
    m.put("latestUpdatedTimestamp", CsRendering.iso(s.latestChange()));
    m.put("clientId", options.clientId());
    m.set("scopes", MAPPER.valueToTree(new TreeSet<>(options.scopes())));
    m.put("cursorTtlSeconds", options.cursorTtl().toSeconds());
    m.put("faults", faults);
    return m;
  }
}
