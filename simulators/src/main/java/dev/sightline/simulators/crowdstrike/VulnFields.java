package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;

/** The Spotlight fields the simulator filters on; other documented fields are refused clearly. */
final class VulnFields {
  private VulnFields() {}

  static FqlFields<Vuln> create(AgentDirectory agents, CveCatalog catalog) {
    return new FqlFields<Vuln>("spotlight vulnerabilities")
        .string("aid", v -> agents.aid(v.agent()))
        .string("cid", v -> agents.cid())
        .string("id", v -> VulnJsonWriter.id(v, agents))
        .string("status", v -> v.status().wire())
        .string("confidence", v -> v.potential() ? "potential" : "confirmed")
        .string("vulnerability_id", v -> catalog.entry(v.cve()).id())
        .string("cve.id", v -> catalog.entry(v.cve()).id())
        .string("cve.severity", v -> catalog.entry(v.cve()).severity())
        .string(
            "cve.exprt_rating",
            v ->
                v.exprtOverride() >= 0
                    ? Vuln.EXPRT[v.exprtOverride()]
                    : catalog.entry(v.cve()).exprtRating())
        .string("cve.remediation_level", v -> catalog.entry(v.cve()).remediationLevel())
        .number("cve.base_score", v -> catalog.entry(v.cve()).baseScore())
        .number(
            "cve.exploit_status",
            v ->
                v.exploitOverride() >= 0
                    ? v.exploitOverride()
                    : catalog.entry(v.cve()).exploitStatus())
        .bool("cve.is_cisa_kev", v -> catalog.entry(v.cve()).kev())
        .bool("suppression_info.is_suppressed", v -> v.suppression() >= 0)
        .string(
            "suppression_info.reason",
            v -> v.suppression() >= 0 ? Vuln.SUPPRESSION_REASONS[v.suppression()] : "")
        .string("host_info.product_type_desc", v -> agents.productTypeDesc(v.agent()))
        .string("host_info.platform_name", v -> agents.platformName(v.agent()))
        .string("host_info.managed_by", v -> agents.managedBy(v.agent()))
        .string("data_providers.provider", v -> agents.findingProvider(v.agent()))
        .timestamp("created_timestamp", v -> v.created() * 1000)
        .timestamp("updated_timestamp", v -> v.updated() * 1000)
        .timestamp(
            "closed_timestamp",
            v -> v.closed() == Vuln.NO_TIME ? FqlFields.MISSING : v.closed() * 1000)
        .notSimulated(
            "last_seen_within",
            "cve.cps_rating",
            "cve.exploit_status_to_include",
            "cve.types",
            "host_info.asset_criticality",
            "host_info.asset_roles",
            "host_info.internet_exposure",
            "host_info.tags",
            "host_info.groups",
            "host_info.instance_state",
            "host_info.has_run_container",
            "host_info.third_party_asset_ids",
            "apps.remediation.ids",
            "cve.cwes",
            "data_providers.ports",
            "data_providers.rating",
            "data_providers.scan_time",
            "data_providers.scanner_id",
            "services.port",
            "services.protocol",
            "services.transport");
  }
}
