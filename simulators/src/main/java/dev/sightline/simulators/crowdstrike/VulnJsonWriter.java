package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.CloudPlacement;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.StableHash;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code domain.BaseAPIVulnerabilityV2} records in the field order of the real samples, with
 * the {@code cve}, {@code host_info}, {@code remediation} and {@code evaluation_logic} blocks only
 * when their facet was asked for. One instance per response: it caches the machines of the page it
 * writes.
 */
final class VulnJsonWriter {
  /** The ways a deliberately malformed record is broken. */
  enum Malformation {
    NONE,
    MISSING_AID,
    UPDATED_AS_NUMBER,
    MISSING_STATUS
  }

  private final long seed;
  private final AgentDirectory agents;
  private final CveCatalog catalog;
  private final Set<String> facets;
  private final Map<Integer, Machine> machines = new HashMap<>();
  private final EvaluationLogicWriter evaluationLogic;

  VulnJsonWriter(long seed, AgentDirectory agents, CveCatalog catalog, Set<String> facets) {
    this.seed = seed;
    this.agents = agents;
    this.catalog = catalog;
    this.facets = facets;
    this.evaluationLogic = new EvaluationLogicWriter(seed);
  }

  static String id(Vuln v, AgentDirectory agents) {
    return agents.aid(v.agent()) + "_" + CveCatalog.hex32(v.suffixHi(), v.suffixLo());
  }

  static Malformation malformationFor(Vuln v) {
    return Malformation.values()[1 + (int) Long.remainderUnsigned(v.suffixLo(), 3)];
  }

  void write(JsonGenerator g, Vuln v, Malformation broken) throws IOException {
    CveEntry entry = catalog.entry(v.cve());
    Machine machine = machines.computeIfAbsent(v.agent(), agents::machine);
    String id = id(v, agents);
    String aid = agents.aid(v.agent());
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("cid", agents.cid());
    if (broken != Malformation.MISSING_AID) {
      g.writeStringField("aid", aid);
    }
    g.writeStringField("vulnerability_id", entry.id());
    g.writeArrayFieldStart("data_providers");
    g.writeStartObject();
    g.writeStringField("provider", agents.findingProvider(v.agent()));
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("created_timestamp", CsRendering.iso(v.created()));
    if (broken == Malformation.UPDATED_AS_NUMBER) {
      g.writeNumberField("updated_timestamp", v.updated());
    } else {
      g.writeStringField("updated_timestamp", CsRendering.iso(v.updated()));
    }
    if (v.closed() != Vuln.NO_TIME) {
      g.writeStringField("closed_timestamp", CsRendering.iso(v.closed()));
    }
    if (broken != Malformation.MISSING_STATUS) {
      g.writeStringField("status", v.status().wire());
    }
    g.writeStringField("confidence", v.potential() ? "potential" : "confirmed");
    writeApps(g, v, entry, machine, id, aid);
    g.writeObjectFieldStart("suppression_info");
    g.writeBooleanField("is_suppressed", v.suppression() >= 0);
    if (v.suppression() >= 0) {
      g.writeStringField("reason", Vuln.SUPPRESSION_REASONS[v.suppression()]);
    }
    g.writeEndObject();
    if (facets.contains("cve")) {
      writeCve(g, v, entry);
    }
    if (facets.contains("host_info")) {
      writeHostInfo(g, v, machine);
    }
    if (facets.contains("remediation")) {
      writeRemediation(g, entry);
    }
    g.writeEndObject();
  }

  private void writeApps(
      JsonGenerator g, Vuln v, CveEntry entry, Machine machine, String id, String aid)
      throws IOException {
    String app = CsRendering.appName(entry, machine);
    g.writeArrayFieldStart("apps");
    g.writeStartObject();
    g.writeStringField("product_name_version", app);
    g.writeStringField("product_name_normalized", app);
    g.writeStringField("vendor_normalized", entry.product().vendor());
    g.writeStringField("sub_status", v.status().wire());
    g.writeObjectFieldStart("remediation");
    g.writeArrayFieldStart("ids");
    g.writeString(entry.remediationId());
    g.writeEndArray();
    g.writeEndObject();
    String logicId =
        CveCatalog.hex32(
            StableHash.of(seed, v.suffixHi(), 0xE7A1), StableHash.of(seed, v.suffixLo(), 0xE7A1));
    if (facets.contains("evaluation_logic")) {
      evaluationLogic.write(g, logicId, agents.cid(), aid, v, entry, machine);
    } else {
      g.writeObjectFieldStart("evaluation_logic");
      g.writeStringField("id", logicId);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeCve(JsonGenerator g, Vuln v, CveEntry e) throws IOException {
    g.writeObjectFieldStart("cve");
    g.writeStringField("id", e.id());
    g.writeNumberField("base_score", e.baseScore());
    g.writeStringField("severity", e.severity());
    g.writeNumberField(
        "exploit_status", v.exploitOverride() >= 0 ? v.exploitOverride() : e.exploitStatus());
    g.writeStringField(
        "exprt_rating", v.exprtOverride() >= 0 ? Vuln.EXPRT[v.exprtOverride()] : e.exprtRating());
    g.writeStringField("remediation_level", e.remediationLevel());
    g.writeObjectFieldStart("cisa_info");
    g.writeBooleanField("is_cisa_kev", e.kev());
    if (e.kev()) {
      g.writeStringField(
          "due_date", CsRendering.iso(e.kevDueDate() - Math.floorMod(e.kevDueDate(), 86_400)));
    }
    g.writeEndObject();
    g.writeStringField("spotlight_published_date", CsRendering.iso(e.spotlightPublishedDate()));
    g.writeStringField("description", e.description());
    g.writeStringField("published_date", CsRendering.iso(e.publishedDate()));
    stringArray(g, "vendor_advisory", e.vendorAdvisory());
    stringArray(g, "references", e.references());
    g.writeNumberField("exploitability_score", e.exploitabilityScore());
    g.writeNumberField("impact_score", e.impactScore());
    g.writeStringField("vector", e.vector());
    stringArray(g, "cwes", e.cwes());
    stringArray(g, "types", List.of("Vulnerability"));
    g.writeEndObject();
  }

  private void writeHostInfo(JsonGenerator g, Vuln v, Machine m) throws IOException {
    if (!agents.managed(v.agent())) {
      writeUnmanagedHostInfo(g, v, m);
      return;
    }
    boolean joined = !m.dnsDomain().isEmpty();
    g.writeObjectFieldStart("host_info");
    g.writeStringField("hostname", m.hostname());
    g.writeStringField("local_ip", m.primaryInterface().ipv4Address());
    g.writeStringField("machine_domain", m.dnsDomain());
    g.writeStringField("os_version", CsRendering.osVersion(m.os()));
    g.writeStringField("ou", m.organizationalUnit());
    g.writeStringField("site_name", joined ? m.site() : "");
    g.writeStringField("system_manufacturer", m.hardware().manufacturer());
    stringArray(g, "tags", CsRendering.tags(m));
    g.writeStringField("platform", CsRendering.platformName(m.os().family()));
    g.writeStringField("os_build", m.os().build());
    g.writeStringField("product_type_desc", CsRendering.productTypeDesc(m.role()));
    g.writeStringField("host_last_seen_timestamp", CsRendering.iso(agents.lastSeen(v.agent())));
    g.writeArrayFieldStart("groups");
    List<String> ids = CsRendering.groupIds(seed, m);
    List<String> names = CsRendering.groupNames(m);
    for (int i = 0; i < ids.size(); i++) {
      g.writeStartObject();
      g.writeStringField("id", ids.get(i));
      g.writeStringField("name", names.get(i));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField(
        "asset_criticality",
        m.role() == MachineRole.WORKSTATION
            ? "Unassigned"
            : m.role() == MachineRole.DOMAIN_CONTROLLER ? "Critical" : "High");
    g.writeStringField("internet_exposure", m.cloud().isPresent() ? "Yes" : "No");
    g.writeStringField("managed_by", "Falcon sensor");
    if (m.cloud().isPresent()) {
      CloudPlacement cloud = m.cloud().get();
      g.writeStringField("instance_id", cloud.instanceId());
      g.writeStringField("service_provider", CsRendering.serviceProvider(cloud.provider()));
      g.writeStringField("service_provider_account_id", cloud.accountId());
    }
    g.writeEndObject();
  }

  /**
   * What Spotlight knows of an asset without a sensor: the scan's view, {@code managed_by}
   * "Unmanaged", no tags or groups, and a product type only when Discover has one.
   */
  private void writeUnmanagedHostInfo(JsonGenerator g, Vuln v, Machine m) throws IOException {
    g.writeObjectFieldStart("host_info");
    g.writeStringField("hostname", m.hostname());
    g.writeStringField("local_ip", m.primaryInterface().ipv4Address());
    g.writeStringField("machine_domain", m.dnsDomain());
    g.writeStringField("os_version", CsRendering.osVersion(m.os()));
    g.writeStringField("ou", m.organizationalUnit());
    g.writeStringField("site_name", "");
    g.writeStringField("system_manufacturer", "");
    stringArray(g, "tags", List.of());
    g.writeStringField("platform", CsRendering.platformName(m.os().family()));
    String productType = agents.productTypeDesc(v.agent());
    if (productType != null) {
      g.writeStringField("product_type_desc", productType);
    }
    g.writeStringField("host_last_seen_timestamp", CsRendering.iso(agents.lastSeen(v.agent())));
    g.writeStringField("asset_criticality", "Unassigned");
    g.writeStringField("internet_exposure", "No");
    g.writeStringField("managed_by", agents.managedBy(v.agent()));
    g.writeEndObject();
  }

  private static void writeRemediation(JsonGenerator g, CveEntry e) throws IOException {
    String product = e.product().name();
    g.writeObjectFieldStart("remediation");
    stringArray(g, "ids", List.of(e.remediationId()));
    g.writeArrayFieldStart("entities");
    g.writeStartObject();
    g.writeStringField("id", e.remediationId());
    g.writeStringField("reference", e.product().cpe());
    g.writeStringField("title", "Update " + product);
    g.writeStringField(
        "action", "Update " + product + " to version " + e.fixedVersion() + " or later");
    g.writeStringField("link", e.vendorAdvisory().get(0));
    g.writeStringField("vendor_url", e.product().vendorUrl());
    g.writeStringField("provider", "CrowdStrike");
    g.writeStringField("type", "patch");
    g.writeStringField("recommendation_type", "recommended");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  static void stringArray(JsonGenerator g, String name, Iterable<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
