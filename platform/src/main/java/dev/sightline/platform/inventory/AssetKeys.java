package dev.sightline.platform.inventory;

import dev.sightline.platform.normalize.Domains;
import dev.sightline.platform.normalize.HostName;
import dev.sightline.platform.normalize.HostNames;
import dev.sightline.platform.normalize.Mac;
import dev.sightline.platform.normalize.MacAddresses;
import dev.sightline.platform.normalize.Manufacturers;
import dev.sightline.platform.normalize.SerialNumbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The normalized identity keys of one source record, strongest first. A key is empty when the
 * source lacks it or it is too weak to identify a machine (placeholder serials, virtual or
 * randomized MACs). An IP address is never a key: DHCP and NAT reuse them.
 */
public record AssetKeys(
    Optional<String> cloudInstance,
    Optional<String> serial,
    Optional<String> manufacturer,
    List<String> strongMacs,
    List<String> virtualMacs,
    Optional<String> host,
    Optional<String> domain) {

  public AssetKeys {
    strongMacs = List.copyOf(strongMacs);
    virtualMacs = List.copyOf(virtualMacs);
  }

  public static AssetKeys of(AssetRow row) {
    // Instance ids are unique across providers (i-0abc…, Azure VM GUIDs), and vendors spell the
    // provider differently, so the id alone is the key.
    Optional<String> cloud =
        Optional.ofNullable(row.cloudInstanceId())
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(id -> id.toLowerCase(Locale.ROOT));
    Optional<String> serial = SerialNumbers.strong(row.biosSerial());
    Optional<String> manufacturer = Manufacturers.canonical(row.biosManufacturer());
    List<Mac> parsed =
        row.macAddresses().stream().map(MacAddresses::parse).flatMap(Optional::stream).toList();
    List<String> macs =
        parsed.stream().filter(m -> !m.weak()).map(Mac::canonical).distinct().sorted().toList();
    // A virtual NIC's address is unique per VM in practice, unlike zero, broadcast, multicast or
    // the fixed addresses every install of an adapter shares; it may back up a host name.
    List<String> virtual =
        parsed.stream()
            .filter(Mac::weak)
            .filter(
                m ->
                    m.weakReason()
                        .map(r -> r.startsWith("virtual-nic") || r.equals("locally-administered"))
                        .orElse(false))
            .map(Mac::canonical)
            .distinct()
            .sorted()
            .toList();
    String rawHost =
        row.hostName() != null ? row.hostName() : row.fqdn() != null ? row.fqdn() : row.assetName();
    Optional<HostName> host = HostNames.parse(rawHost, row.domain());
    // Compared by its first label: one vendor reports the NetBIOS domain (CORP), another the DNS
    // domain (corp.example.com) of the same machine.
    Optional<String> domain =
        host.flatMap(HostName::domain)
            .or(() -> Domains.canonical(row.domain()))
            .map(d -> d.contains(".") ? d.substring(0, d.indexOf('.')) : d);
    return new AssetKeys(
        cloud, serial, manufacturer, macs, virtual, host.map(HostName::shortName), domain);
  }
}
