package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.FormFactor;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.NetworkInterface;
import dev.sightline.simulators.fleet.StableHash;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code deviceapi.DeviceSwagger} records like the real sample: MACs lower case with dashes,
 * policy dates in nanoseconds, {@code machine_domain}/{@code ou}/{@code site_name} only for joined
 * hosts, {@code instance_id}/{@code service_provider}/{@code zone_group} only for cloud hosts.
 */
final class DeviceJsonWriter {
  private static final String[][] POLICIES = {
    {"prevention", "prevention"},
    {"sensor_update", "sensor-update"},
    {"device_control", "device-control"},
    {"global_config", "globalconfig"},
    {"remote_response", "remote-response"},
    {"identity-protection", "identity-protection"},
    {"fim", "fim"},
    {"firewall", "firewall"},
  };

  private final long seed;
  private final AgentDirectory agents;

  DeviceJsonWriter(long seed, AgentDirectory agents) {
    this.seed = seed;
    this.agents = agents;
  }

  void write(JsonGenerator g, int agent, boolean malformed) throws IOException {
    Machine m = agents.machine(agent);
    NetworkInterface primary = m.primaryInterface();
    long lastSeen = agents.lastSeen(agent);
    long firstSeen = agents.firstSeen(agent);
    long h = StableHash.of(seed, agent, 0xDE71CE);
    g.writeStartObject();
    g.writeStringField("device_id", agents.aid(agent));
    g.writeStringField("cid", agents.cid());
    g.writeStringField("agent_load_flags", "0");
    g.writeStringField(
        "agent_local_time",
        Instant.ofEpochSecond(lastSeen - 120, (h & 0x3FF) % 1000 * 1_000_000L).toString());
    g.writeStringField("agent_version", CsRendering.agentVersion(seed, agent));
    g.writeStringField("bios_manufacturer", m.hardware().biosManufacturer());
    g.writeStringField("bios_version", m.hardware().biosVersion());
    g.writeStringField("build_number", m.os().build());
    g.writeStringField("config_id_base", "65994753");
    g.writeStringField("config_id_build", "16606");
    g.writeStringField(
        "config_id_platform", CsRendering.platformId(m.os().family()).equals("0") ? "3" : "4");
    g.writeStringField(
        "cpu_signature", String.valueOf(198_000 + Long.remainderUnsigned(h, 140_000)));
    g.writeStringField("detection_suppression_status", "unsuppressed");
    g.writeStringField("external_ip", m.externalIp());
    g.writeStringField("mac_address", primary.macAddress('-', false));
    if (m.cloud().isPresent()) {
      g.writeStringField("instance_id", m.cloud().get().instanceId());
      g.writeStringField(
          "service_provider", CsRendering.serviceProvider(m.cloud().get().provider()));
      g.writeStringField("service_provider_account_id", m.cloud().get().accountId());
    }
    if (!malformed) {
      g.writeStringField("hostname", m.hostname());
    } else {
      g.writeNumberField("hostname", m.index());
    }
    g.writeStringField("host_hidden_status", "visible");
    g.writeStringField("first_seen", CsRendering.iso(firstSeen));
    g.writeStringField("last_seen", CsRendering.iso(lastSeen));
    g.writeStringField("local_ip", primary.ipv4Address());
    boolean joined = !m.dnsDomain().isEmpty();
    if (joined) {
      g.writeStringField("machine_domain", m.dnsDomain());
    }
    g.writeStringField("major_version", String.valueOf(m.os().majorVersion()));
    g.writeStringField("minor_version", String.valueOf(m.os().minorVersion()));
    g.writeStringField("os_version", CsRendering.osVersion(m.os()));
    g.writeStringField("os_build", m.os().build());
    if (joined) {
      VulnJsonWriter.stringArray(g, "ou", List.of(m.organizationalUnit()));
    }
    g.writeStringField("platform_id", CsRendering.platformId(m.os().family()));
    g.writeStringField("platform_name", CsRendering.platformName(m.os().family()));
    g.writeArrayFieldStart("policies");
    writePolicy(g, "prevention", "prevention", firstSeen);
    g.writeEndArray();
    g.writeStringField("reduced_functionality_mode", "no");
    g.writeObjectFieldStart("device_policies");
    for (String[] policy : POLICIES) {
      if (!policy[0].equals("identity-protection") || m.role() == MachineRole.DOMAIN_CONTROLLER) {
        g.writeFieldName(policy[0]);
        writePolicy(g, policy[0], policy[1], firstSeen);
      }
    }
    g.writeEndObject();
    List<String> groups = CsRendering.groupIds(seed, m);
    VulnJsonWriter.stringArray(g, "groups", groups);
    g.writeStringField(
        "group_hash",
        CveCatalog.hex32(
                StableHash.of(seed, groups.hashCode(), 1),
                StableHash.of(seed, groups.hashCode(), 2))
            + CveCatalog.hex32(
                StableHash.of(seed, groups.hashCode(), 3),
                StableHash.of(seed, groups.hashCode(), 4)));
    g.writeStringField("product_type", CsRendering.productType(m.role()));
    g.writeStringField("product_type_desc", CsRendering.productTypeDesc(m.role()));
    g.writeStringField("provision_status", "Provisioned");
    g.writeStringField("serial_number", m.hardware().serialNumber());
    if (joined) {
      g.writeStringField("service_pack_major", "0");
    }
    g.writeStringField("service_pack_minor", "0");
    g.writeStringField("pointer_size", "8");
    if (joined) {
      g.writeStringField("site_name", m.site());
    }
    g.writeStringField("status", "normal");
    g.writeStringField("system_manufacturer", m.hardware().manufacturer());
    g.writeStringField("system_product_name", m.hardware().productName());
    VulnJsonWriter.stringArray(g, "tags", CsRendering.tags(m));
    g.writeStringField("modified_timestamp", CsRendering.iso(lastSeen + 40));
    g.writeObjectFieldStart("meta");
    g.writeStringField("version", String.valueOf(1000 + Long.remainderUnsigned(h, 200_000)));
    g.writeStringField(
        "version_string", "1:" + (2_000_000_000L + Long.remainderUnsigned(h >>> 8, 100_000_000)));
    g.writeEndObject();
    if (m.cloud().isPresent()) {
      g.writeStringField("zone_group", m.cloud().get().zone());
    }
    g.writeStringField("kernel_version", m.os().kernelVersion());
    g.writeStringField("os_product_name", m.os().productName());
    boolean virtual = m.hardware().formFactor() == FormFactor.VIRTUAL_MACHINE;
    g.writeStringField(
        "chassis_type",
        virtual ? "1" : m.hardware().formFactor() == FormFactor.LAPTOP ? "10" : "3");
    g.writeStringField(
        "chassis_type_desc",
        virtual
            ? "Other"
            : m.hardware().formFactor() == FormFactor.LAPTOP ? "Notebook" : "Desktop");
    g.writeStringField(
        "last_reboot", CsRendering.iso(lastSeen - 3600 - Long.remainderUnsigned(h, 86_400 * 20)));
    g.writeStringField("connection_ip", primary.ipv4Address());
    g.writeStringField("default_gateway_ip", gateway(primary));
    g.writeStringField("connection_mac_address", primary.macAddress('-', false));
    g.writeEndObject();
  }

  private void writePolicy(JsonGenerator g, String key, String type, long firstSeen)
      throws IOException {
    long h = StableHash.of(seed, key.hashCode(), 0x9011C7);
    long assigned = Math.max(firstSeen + 60, firstSeen + Long.remainderUnsigned(h, 86_400));
    g.writeStartObject();
    g.writeStringField("policy_type", type);
    String policyId = CveCatalog.hex32(h, StableHash.of(h, seed, 1));
    g.writeStringField("policy_id", policyId);
    g.writeBooleanField("applied", true);
    if (!key.equals("device_control") && !key.equals("firewall")) {
      g.writeStringField("settings_hash", CveCatalog.hex16(StableHash.of(h, 2, 3)).substring(0, 8));
    }
    g.writeStringField(
        "assigned_date",
        Instant.ofEpochSecond(assigned, Long.remainderUnsigned(h, 999_999_999) + 1).toString());
    g.writeStringField(
        "applied_date",
        Instant.ofEpochSecond(assigned + 130, Long.remainderUnsigned(h >>> 3, 999_999_999) + 1)
            .toString());
    if (key.equals("prevention")) {
      g.writeArrayFieldStart("rule_groups");
      g.writeEndArray();
    }
    if (key.equals("sensor_update")) {
      g.writeStringField("uninstall_protection", "ENABLED");
    }
    if (key.equals("firewall")) {
      g.writeStringField("rule_set_id", policyId);
    }
    g.writeEndObject();
  }

  private static String gateway(NetworkInterface nic) {
    int mask = nic.prefixLength() == 0 ? 0 : -1 << (32 - nic.prefixLength());
    int gw = (nic.ipv4() & mask) + 1;
    return ((gw >>> 24) & 0xFF)
        + "."
        + ((gw >>> 16) & 0xFF)
        + "."
        + ((gw >>> 8) & 0xFF)
        + "."
        + (gw & 0xFF);
  }
}
