package dev.sightline.simulators.crowdstrike;

/**
 * The Discover host fields the simulator filters on (records are addressed by slot: agents, then
 * unmanaged assets). A field an asset lacks (an unmanaged asset's aid, a printer's product type) is
 * null and matches no value.
 */
final class HostFields {
  private HostFields() {}

  static FqlFields<Integer> create(AgentDirectory agents) {
    return new FqlFields<Integer>("discover hosts")
        .string("id", agents::discoverId)
        .string("aid", a -> agents.managed(a) ? agents.aid(a) : null)
        .string("cid", a -> agents.cid())
        .string("entity_type", agents::entityType)
        .string("hostname", agents::hostname)
        .string("platform_name", agents::platformName)
        .string("product_type_desc", agents::productTypeDesc)
        .string(
            "product_type", a -> agents.managed(a) ? CsRendering.productType(agents.role(a)) : null)
        .string(
            "os_version",
            a ->
                agents.platformName(a) == null
                    ? null
                    : CsRendering.osVersion(agents.machine(a).os()))
        .string("machine_domain", a -> agents.machine(a).dnsDomain())
        .string("fqdn", a -> agents.machine(a).fqdn())
        .string("system_serial_number", a -> agents.machine(a).hardware().serialNumber())
        .string("system_manufacturer", a -> agents.machine(a).hardware().manufacturer())
        .string("external_ip", a -> agents.machine(a).externalIp())
        .strings("data_providers", agents::discoverProviders)
        .number("data_providers_count", a -> agents.discoverProviders(a).size())
        .number("confidence", a -> agents.managed(a) ? 75 : agents.unmanaged(a).confidence())
        .timestamp("last_seen_timestamp", a -> agents.lastSeen(a) * 1000)
        .timestamp("first_seen_timestamp", a -> agents.firstSeen(a) * 1000)
        .notSimulated(
            "country",
            "city",
            "kernel_version",
            "tags",
            "groups",
            "agent_version",
            "system_product_name",
            "bios_manufacturer",
            "bios_version",
            "ou",
            "site_name",
            "network_interfaces.local_ip",
            "network_interfaces.mac_address",
            "network_interfaces.interface_alias",
            "network_interfaces.interface_description",
            "network_interfaces.network_prefix",
            "internet_exposure",
            "os_is_eol",
            "mac_addresses",
            "local_ip_addresses",
            "local_ips_count",
            "criticality",
            "form_factor",
            "cloud_provider");
  }
}
