package dev.sightline.platform.correlation;

import dev.sightline.platform.inventory.AssetRow;
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
    Optional<String> host,
    Optional<String> domain) {

  public AssetKeys {
    strongMacs = List.copyOf(strongMacs);
  }

  public static AssetKeys of(AssetRow row) {
    // Instance ids are unique across providers (i-0abc…, Azure VM GUIDs), and vendors spell the
    // provider differently, so the id alone is the key.
    Optional<String> cloud = Optional.ofNullable(row.cloudInstanceId())
        .map(String::trim).filter(s -> !s.isEmpty()).map(id -> id.toLowerCase(Locale.ROOT));
    Optional<String> serial = SerialNumbers.strong(row.biosSerial());
    Optional<String> manufacturer = Manufacturers.canonical(row.biosManufacturer());
    List<String> macs = row.macAddresses().stream()
        .map(MacAddresses::parse).flatMap(Optional::stream)
        .filter(m -> !m.weak()).map(Mac::canonical).distinct().sorted().toList();
    String rawHost = row.hostName() != null ? row.hostName()
        : row.fqdn() != null ? row.fqdn() : row.assetName();
    Optional<HostName> host = HostNames.parse(rawHost, row.domain());
    Optional<String> domain = host.flatMap(HostName::domain)
        .or(() -> Domains.canonical(row.domain()));
    return new AssetKeys(cloud, serial, manufacturer, macs, host.map(HostName::shortName), domain);
  }
}
