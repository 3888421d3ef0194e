package dev.sightline.platform.normalize;

import java.util.Objects;
import java.util.Optional;

/**
 * A host name kept both ways, because vendors disagree: CrowdStrike reports the short name and the
 * domain apart ({@code hostname}, {@code machine_domain}), other sources send an FQDN.
 *
 * @param shortName the first DNS label, lower-case (never a label of an IP address)
 * @param fqdn short name + "." + domain, present only when the domain is a dotted DNS name
 * @param domain the canonical domain ({@link Domains#canonical}), possibly a single-label NetBIOS
 *     domain such as "corp"
 */
public record HostName(String shortName, Optional<String> fqdn, Optional<String> domain) {
  public HostName {
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(fqdn, "fqdn");
    Objects.requireNonNull(domain, "domain");
    if (shortName.isBlank()) {
      throw new IllegalArgumentException("shortName must not be blank");
    }
  }

  /**
   * True when the short name merely spells an IPv4 address ("ip-10-0-0-4", "ec2-54-89-138-42").
   * Such names follow the address, not the machine — when the address is reused, so is the name —
   * so a correlation rule should treat them as weak as the IP itself.
   */
  public boolean ipDerived() {
    return HostNames.spellsAnIpv4Address(shortName);
  }
}
