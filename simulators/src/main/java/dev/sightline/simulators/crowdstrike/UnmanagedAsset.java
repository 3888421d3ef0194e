package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.Machine;
import java.util.List;
import java.util.Optional;

/**
 * An asset Falcon Discover knows without a sensor on it: found by a Falcon network scan, often also
 * listed by Active Directory. It is not a fleet machine and no other simulator shows it; its {@link
 * Machine} is the simulator's own, built only to reuse the writers' spelling of OS and network
 * facts.
 *
 * @param entityType {@code unmanaged} (a computer that could run a sensor) or {@code unsupported}
 *     (printers, phones, cameras: nothing a sensor runs on, and Spotlight never assesses them)
 * @param productTypeDesc Workstation or Server; empty when the scan could not tell
 * @param dataProviders Discover's {@code data_providers}, "Falcon Network Scan" always first
 * @param discoveringBy {@code Passive} and/or {@code Active}
 * @param confidence 25, 50 or 75, as Discover rates "corporate asset" confidence
 * @param serial a serial only SNMP-capable devices report, else empty
 */
record UnmanagedAsset(
    String entityType,
    Machine machine,
    Optional<String> productTypeDesc,
    List<String> dataProviders,
    List<String> discoveringBy,
    int confidence,
    String serial) {

  static final String UNMANAGED = "unmanaged";
  static final String UNSUPPORTED = "unsupported";
  static final String NETWORK_SCAN = "Falcon Network Scan";
  static final String ACTIVE_DIRECTORY = "Active Directory";

  boolean unsupported() {
    return entityType.equals(UNSUPPORTED);
  }
}
