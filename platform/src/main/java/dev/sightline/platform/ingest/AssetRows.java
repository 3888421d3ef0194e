package dev.sightline.platform.ingest;

import dev.sightline.connector.TagKind;
import dev.sightline.mapping.MappedRecord;
import dev.sightline.platform.inventory.AssetRow;
import dev.sightline.platform.inventory.SourceTag;
import dev.sightline.platform.normalize.Domains;
import dev.sightline.platform.normalize.HostName;
import dev.sightline.platform.normalize.HostNames;
import dev.sightline.platform.normalize.Ip;
import dev.sightline.platform.normalize.IpAddresses;
import dev.sightline.platform.normalize.Mac;
import dev.sightline.platform.normalize.MacAddresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds the stored form of a mapped asset: host name, domain, FQDN, IP and MAC addresses in the
 * forms {@code docs/normalization.md} defines, and its tags with their kinds. The vendor's raw
 * values stay in the row's attributes (every mapped value by target), so nothing is lost to
 * normalization; a value that does not parse is kept there only.
 */
final class AssetRows {
  /** The canonical targets that hold tags of a fixed kind (the seed's customAttributes). */
  static final String SERVER_TAGS = "serverTags";

  static final String ENDPOINT_TAGS = "endPointTags";
  static final String SOURCE_TAGS = "sourceTags";

  private final List<TagKind> tagKinds;

  AssetRows(List<TagKind> tagKinds) {
    this.tagKinds = List.copyOf(tagKinds);
  }

  AssetRow from(String key, MappedRecord r) {
    Optional<String> rawHost =
        r.string("hostName").or(() -> r.string("fqdn")).or(() -> r.string("assetName"));
    Optional<HostName> host =
        rawHost.flatMap(h -> HostNames.parse(h, r.string("domain").orElse(null)));
    Optional<String> fqdn =
        host.flatMap(HostName::fqdn)
            .or(
                () ->
                    r.string("fqdn")
                        .flatMap(f -> HostNames.parse(f, null))
                        .flatMap(HostName::fqdn));
    Optional<String> domain =
        host.flatMap(HostName::domain).or(() -> r.string("domain").flatMap(Domains::canonical));
    return new AssetRow(
        key,
        r.string("externalAssetId").orElse(key),
        r.string("assetName").orElse(null),
        host.map(HostName::shortName).orElse(null),
        fqdn.orElse(null),
        domain.orElse(null),
        r.string("assetType").orElse(null),
        r.string("operatingSystemName").orElse(null),
        r.string("operatingSystemVersion").orElse(null),
        r.string("biosInfoSerialNumber").orElse(null),
        r.string("biosInfoManufacturer").orElse(null),
        ips(r),
        macs(r),
        r.instant("firstFoundDate").orElse(null),
        r.instant("lastSeen").orElse(null),
        r.string("cloudProvider").orElse(null),
        r.string("cloudInstanceId").orElse(null),
        tags(r),
        r.asMap());
  }

  /** Every address in canonical text, IPv4 before IPv6 as the source listed them, once each. */
  private static List<String> ips(MappedRecord r) {
    LinkedHashSet<String> raw = new LinkedHashSet<>(r.strings("ipAddress"));
    raw.addAll(r.strings("ipv4Address"));
    raw.addAll(r.strings("ipv6Address"));
    List<Ip> parsed = raw.stream().map(IpAddresses::parse).flatMap(Optional::stream).toList();
    LinkedHashSet<String> out = new LinkedHashSet<>();
    parsed.stream().filter(ip -> ip.version() == 4).forEach(ip -> out.add(ip.canonical()));
    parsed.stream().filter(ip -> ip.version() == 6).forEach(ip -> out.add(ip.canonical()));
    return List.copyOf(out);
  }

  private static List<String> macs(MappedRecord r) {
    return r.strings("macAddress").stream()
        .map(MacAddresses::parse)
        .flatMap(Optional::stream)
        .map(Mac::canonical)
        .distinct()
        .toList();
  }

  private List<SourceTag> tags(MappedRecord r) {
    LinkedHashSet<SourceTag> out = new LinkedHashSet<>();
    r.strings(SERVER_TAGS).stream()
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .forEach(t -> out.add(new SourceTag(t, "server")));
    r.strings(ENDPOINT_TAGS).stream()
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .forEach(t -> out.add(new SourceTag(t, "endpoint")));
    for (String raw : r.strings(SOURCE_TAGS)) {
      String tag = raw.trim();
      if (!tag.isEmpty()) {
        out.add(kindOf(tag));
      }
    }
    return new ArrayList<>(out);
  }

  private SourceTag kindOf(String tag) {
    for (TagKind k : tagKinds) {
      Optional<String> stripped = k.strip(tag);
      if (stripped.isPresent()) {
        return new SourceTag(stripped.get(), k.kind());
      }
    }
    return new SourceTag(tag, TagKind.UNSPECIFIED);
  }
}
