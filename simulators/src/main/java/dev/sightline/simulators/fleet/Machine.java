package dev.sightline.simulators.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine of a {@link Fleet}, vendor-neutral: each simulator renders it the way its vendor
 * would. Times are ages relative to the simulated tenant's time anchor (a moment shortly before the
 * simulator starts), so a fleet is the same whatever the wall clock says.
 *
 * @param index position in the fleet, from 0
 * @param hostname the name the OS reports (Windows machines upper case, others lower case); not
 *     unique: the fleet deliberately gives some pairs of machines one hostname
 * @param dnsDomain DNS / Active Directory domain, empty when not joined
 * @param organizationalUnit AD organisational unit name, empty when not joined
 * @param site AD site or office name
 * @param interfaces first entry is the primary interface; never empty
 * @param externalIp the public address the machine is seen from
 * @param firstSeenAgo how long before the anchor the machine was first seen
 * @param lastSeenAgo how long before the anchor the machine was last seen
 * @param reimagedAgo present when the machine was reimaged: security agents installed before and
 *     after that moment are two agents on one machine (one serial, same MACs)
 */
public record Machine(
    long index,
    String hostname,
    String dnsDomain,
    String organizationalUnit,
    String site,
    MachineRole role,
    OperatingSystem os,
    Hardware hardware,
    List<NetworkInterface> interfaces,
    String externalIp,
    Optional<CloudPlacement> cloud,
    Duration firstSeenAgo,
    Duration lastSeenAgo,
    Optional<Duration> reimagedAgo) {

  public Machine {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(dnsDomain, "dnsDomain");
    Objects.requireNonNull(organizationalUnit, "organizationalUnit");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(hardware, "hardware");
    interfaces = List.copyOf(interfaces);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException("a machine has at least one interface");
    }
    Objects.requireNonNull(externalIp, "externalIp");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(firstSeenAgo, "firstSeenAgo");
    Objects.requireNonNull(lastSeenAgo, "lastSeenAgo");
    Objects.requireNonNull(reimagedAgo, "reimagedAgo");
  }

  /** Lower-case host name plus domain, or just the host name when not joined. */
  public String fqdn() {
    String host = hostname.toLowerCase(Locale.ROOT);
    return dnsDomain.isEmpty() ? host : host + "." + dnsDomain;
  }

  public boolean reimaged() {
    return reimagedAgo.isPresent();
  }

  public NetworkInterface primaryInterface() {
    return interfaces.get(0);
  }
}
