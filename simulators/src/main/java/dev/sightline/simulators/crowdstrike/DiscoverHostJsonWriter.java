package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.simulators.fleet.CloudPlacement;
import dev.sightline.simulators.fleet.FormFactor;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.NetworkInterface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code domain.DiscoverAPIHost} records. Discover prints MACs upper case with dashes
 * ({@code 00-50-56-93-D7-C1}) and the network prefix as the first two octets, as in the only real
 * host seen; its {@code id} is {@code <cid>_<number>}, never the {@code aid}.
 */
final class DiscoverHostJsonWriter {
  private final long seed;
  private final AgentDirectory agents;

  DiscoverHostJsonWriter(long seed, AgentDirectory agents) {
    this.seed = seed;
    this.agents = agents;
  }

  void write(JsonGenerator g, int agent, boolean malformed) throws IOException {
    if (!agents.managed(agent)) {
      writeUnmanaged(g, agent, malformed);
      return;
    }
    Machine m = agents.machine(agent);
    NetworkInterface primary = m.primaryInterface();
    g.writeStartObject();
    g.writeStringField("id", agents.discoverId(agent));
    g.writeStringField("cid", agents.cid());
    if (!malformed) {
      g.writeStringField("aid", agents.aid(agent));
    }
    g.writeStringField("entity_type", "managed");
    g.writeNumberField("confidence", 75);
    g.writeStringField("hostname", m.hostname());
    g.writeStringField("fqdn", m.fqdn());
    g.writeStringField("machine_domain", m.dnsDomain());
    if (!m.organizationalUnit().isEmpty()) {
      g.writeStringField("ou", m.organizationalUnit());
      VulnJsonWriter.stringArray(g, "ous", List.of(m.organizationalUnit()));
      g.writeStringField("site_name", m.site());
    }
    g.writeStringField("os_version", CsRendering.osVersion(m.os()));
    g.writeStringField("os_is_eol", m.os().endOfLife() ? "Yes" : "No");
    g.writeStringField("kernel_version", m.os().kernelVersion());
    g.writeStringField("platform_name", CsRendering.platformName(m.os().family()));
    g.writeStringField("product_type", CsRendering.productType(m.role()));
    g.writeStringField("product_type_desc", CsRendering.productTypeDesc(m.role()));
    g.writeStringField("system_manufacturer", m.hardware().manufacturer());
    g.writeStringField("system_product_name", m.hardware().productName());
    g.writeStringField("system_serial_number", m.hardware().serialNumber());
    g.writeStringField("bios_manufacturer", m.hardware().biosManufacturer());
    g.writeStringField("bios_version", m.hardware().biosVersion());
    g.writeStringField("form_factor", formFactor(m.hardware().formFactor()));
    g.writeStringField("external_ip", m.externalIp());
    g.writeStringField("current_local_ip", primary.ipv4Address());
    g.writeStringField("current_network_prefix", networkPrefix(primary));
    List<String> ips = new ArrayList<>();
    List<String> macs = new ArrayList<>();
    for (NetworkInterface nic : m.interfaces()) {
      ips.add(nic.ipv4Address());
      macs.add(nic.macAddress('-', true));
    }
    VulnJsonWriter.stringArray(g, "local_ip_addresses", ips);
    g.writeNumberField("local_ips_count", ips.size());
    VulnJsonWriter.stringArray(g, "mac_addresses", macs);
    g.writeArrayFieldStart("network_interfaces");
    for (NetworkInterface nic : m.interfaces()) {
      g.writeStartObject();
      g.writeStringField("local_ip", nic.ipv4Address());
      g.writeStringField("mac_address", nic.macAddress('-', true));
      g.writeStringField("interface_alias", nic.alias());
      g.writeStringField("interface_description", nic.description());
      g.writeStringField("network_prefix", networkPrefix(nic));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("first_seen_timestamp", CsRendering.iso(agents.firstSeen(agent)));
    g.writeStringField("last_seen_timestamp", CsRendering.iso(agents.lastSeen(agent)));
    g.writeStringField("agent_version", CsRendering.agentVersion(seed, agent));
    List<String> providers = agents.discoverProviders(agent);
    VulnJsonWriter.stringArray(g, "data_providers", providers);
    g.writeNumberField("data_providers_count", providers.size());
    VulnJsonWriter.stringArray(g, "tags", CsRendering.tags(m));
    VulnJsonWriter.stringArray(g, "groups", CsRendering.groupIds(seed, m));
    g.writeStringField("criticality", "Unassigned");
    g.writeStringField("internet_exposure", m.cloud().isPresent() ? "Yes" : "Pending");
    if (m.cloud().isPresent()) {
      writeCloud(g, m.cloud().get());
    }
    g.writeEndObject();
  }

  /**
   * An asset without a sensor: no {@code aid}, no agent or hardware fields the scan cannot see, who
   * discovered it and how. A deliberately malformed record loses its {@code entity_type}.
   */
  private void writeUnmanaged(JsonGenerator g, int slot, boolean malformed) throws IOException {
    UnmanagedAsset asset = agents.unmanaged(slot);
    Machine m = asset.machine();
    NetworkInterface nic = m.primaryInterface();
    g.writeStartObject();
    g.writeStringField("id", agents.discoverId(slot));
    g.writeStringField("cid", agents.cid());
    if (!malformed) {
      g.writeStringField("entity_type", asset.entityType());
    }
    g.writeNumberField("confidence", asset.confidence());
    g.writeStringField("hostname", m.hostname());
    if (!m.dnsDomain().isEmpty()) {
      g.writeStringField("fqdn", m.fqdn());
      g.writeStringField("machine_domain", m.dnsDomain());
      g.writeStringField("ou", m.organizationalUnit());
      VulnJsonWriter.stringArray(g, "ous", List.of(m.organizationalUnit()));
      g.writeStringField("site_name", m.site());
    }
    String platform = agents.platformName(slot);
    if (platform != null) {
      g.writeStringField("os_version", CsRendering.osVersion(m.os()));
      g.writeStringField("os_is_eol", m.os().endOfLife() ? "Yes" : "No");
      g.writeStringField("platform_name", platform);
    }
    if (asset.productTypeDesc().isPresent()) {
      g.writeStringField("product_type_desc", asset.productTypeDesc().get());
    }
    if (!asset.serial().isEmpty()) {
      g.writeStringField("system_serial_number", asset.serial());
    }
    g.writeStringField("external_ip", m.externalIp());
    g.writeStringField("current_local_ip", nic.ipv4Address());
    g.writeStringField("current_network_prefix", networkPrefix(nic));
    VulnJsonWriter.stringArray(g, "local_ip_addresses", List.of(nic.ipv4Address()));
    g.writeNumberField("local_ips_count", 1);
    VulnJsonWriter.stringArray(g, "mac_addresses", List.of(nic.macAddress('-', true)));
    g.writeArrayFieldStart("network_interfaces");
    g.writeStartObject();
    g.writeStringField("local_ip", nic.ipv4Address());
    g.writeStringField("mac_address", nic.macAddress('-', true));
    g.writeStringField("network_prefix", networkPrefix(nic));
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("first_seen_timestamp", CsRendering.iso(agents.firstSeen(slot)));
    g.writeStringField("last_seen_timestamp", CsRendering.iso(agents.lastSeen(slot)));
    VulnJsonWriter.stringArray(g, "data_providers", asset.dataProviders());
    g.writeNumberField("data_providers_count", asset.dataProviders().size());
    VulnJsonWriter.stringArray(g, "discovering_by", asset.discoveringBy());
    String discoverer = agents.aid(agents.lastDiscoverer(slot));
    VulnJsonWriter.stringArray(g, "discoverer_aids", List.of(discoverer));
    g.writeStringField("first_discoverer_aid", discoverer);
    g.writeStringField("last_discoverer_aid", discoverer);
    VulnJsonWriter.stringArray(g, "tags", List.of());
    VulnJsonWriter.stringArray(g, "groups", List.of());
    g.writeStringField("criticality", "Unassigned");
    g.writeStringField("internet_exposure", "No");
    g.writeEndObject();
  }

  private static void writeCloud(JsonGenerator g, CloudPlacement c) throws IOException {
    g.writeStringField(
        "cloud_provider",
        switch (c.provider()) {
          case AWS -> "AWS";
          case AZURE -> "Azure";
          case GCP -> "GCP";
        });
    g.writeStringField("cloud_account_id", c.accountId());
    g.writeStringField("cloud_region", c.region());
    g.writeStringField("cloud_instance_id", c.instanceId());
    g.writeStringField("cloud_resource_id", c.instanceId());
  }

  private static String networkPrefix(NetworkInterface nic) {
    String[] octets = nic.ipv4Address().split("\\.");
    return octets[0] + "." + octets[1];
  }

  static String formFactor(FormFactor f) {
    return switch (f) {
      case LAPTOP -> "Laptop";
      case DESKTOP -> "Desktop";
      case SERVER -> "Server";
      case VIRTUAL_MACHINE -> "Virtual machine";
    };
  }
}
