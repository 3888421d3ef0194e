package dev.sightline.simulators.crowdstrike;

/** The Devices API fields the simulator filters on (records are agents). */
final class DeviceFields {
  private DeviceFields() {}

  static FqlFields<Integer> create(AgentDirectory agents) {
    return new FqlFields<Integer>("devices")
        .string("device_id", agents::aid)
        .string("cid", a -> agents.cid())
        .string("hostname", agents::hostname)
        .string("platform_name", agents::platformName)
        .string("product_type_desc", agents::productTypeDesc)
        .string("product_type", a -> CsRendering.productType(agents.role(a)))
        .string("os_version", a -> CsRendering.osVersion(agents.machine(a).os()))
        .string("machine_domain", a -> agents.machine(a).dnsDomain())
        .string("serial_number", a -> agents.machine(a).hardware().serialNumber())
        .string("local_ip", a -> agents.machine(a).primaryInterface().ipv4Address())
        .string("external_ip", a -> agents.machine(a).externalIp())
        .string("status", a -> "normal")
        .timestamp("last_seen", a -> agents.lastSeen(a) * 1000)
        .timestamp("first_seen", a -> agents.firstSeen(a) * 1000)
        .notSimulated(
            "tags",
            "groups",
            "agent_version",
            "mac_address",
            "site_name",
            "ou",
            "modified_timestamp",
            "reduced_functionality_mode",
            "kernel_version",
            "system_manufacturer",
            "system_product_name");
  }
}
