package dev.sightline.simulators.crowdstrike;

/** The Discover host fields the simulator filters on (records are addressed by agent index). */
final class HostFields {
  private HostFields() {}

  static FqlFields<Integer> create(AgentDirectory agents) {
    return new FqlFields<Integer>("discover hosts")
        .string("id", agents::discoverId)
        .string("aid", agents::aid)
        .string("cid", a -> agents.cid())
        .string("entity_type", a -> "managed")
        .string("hostname", agents::hostname)
        .string("platform_name", a -> CsRendering.platformName(agents.family(a)))
        .string("product_type_desc", a -> CsRendering.productTypeDesc(agents.role(a)))
        .string("product_type", a -> CsRendering.productType(agents.role(a)))
        .string("os_version", a -> CsRendering.osVersion(agents.machine(a).os()))
        .string("machine_domain", a -> agents.machine(a).dnsDomain())
        .string("fqdn", a -> agents.machine(a).fqdn())
        .string("system_serial_number", a -> agents.machine(a).hardware().serialNumber())
        .string("system_manufacturer", a -> agents.machine(a).hardware().manufacturer())
        .string("external_ip", a -> agents.machine(a).externalIp())
        .timestamp("last_seen_timestamp", a -> agents.lastSeen(a) * 1000)
        .timestamp("first_seen_timestamp", a -> agents.firstSeen(a) * 1000)
        .notSimulated("country", "city", "kernel_version", "tags", "groups", "agent_version", "system_product_name",
            "bios_manufacturer", "bios_version", "ou", "site_name", "network_interfaces.local_ip",
            "network_interfaces.mac_address", "network_interfaces.interface_alias",
            "network_interfaces.interface_description", "network_interfaces.network_prefix", "confidence",
            "internet_exposure", "os_is_eol", "data_providers", "mac_addresses", "local_ip_addresses",
            "local_ips_count", "data_providers_count", "criticality", "form_factor", "cloud_provider");
  }
}
