package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.CloudProvider;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OperatingSystem;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Instant;
import java.util.List;

/** How CrowdStrike spells fleet facts: OS strings, product types, providers, timestamps. */
final class CsRendering {
  private CsRendering() {}

  /** Second precision with Z, e.g. {@code 2023-09-26T16:04:24Z}, like every Spotlight timestamp. */
  static String iso(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }

  /** {@code os_version}: "Windows 11", "Sonoma (14)", "Ubuntu 22.04". */
  static String osVersion(OperatingSystem os) {
    return os.family() == OsFamily.MAC ? os.codename() + " (" + os.majorVersion() + ")" : os.name();
  }

  static String platformName(OsFamily family) {
    return switch (family) {
      case WINDOWS -> "Windows";
      case MAC -> "Mac";
      case LINUX -> "Linux";
    };
  }

  static String platformId(OsFamily family) {
    return switch (family) {
      case WINDOWS -> "0";
      case MAC -> "1";
      case LINUX -> "3";
    };
  }

  static String productType(MachineRole role) {
    return switch (role) {
      case WORKSTATION -> "1";
      case DOMAIN_CONTROLLER -> "2";
      case SERVER -> "3";
    };
  }

  static String productTypeDesc(MachineRole role) {
    return switch (role) {
      case WORKSTATION -> "Workstation";
      case DOMAIN_CONTROLLER -> "Domain Controller";
      case SERVER -> "Server";
    };
  }

  static String serviceProvider(CloudProvider provider) {
    return switch (provider) {
      case AWS -> "AWS_EC2_V2";
      case AZURE -> "AZURE";
      case GCP -> "GCP";
    };
  }

  /** The app name Spotlight shows: the host's OS for OS findings ("Windows 11", "Mac OS 13"). */
  static String appName(CveEntry entry, Machine machine) {
    if (!entry.product().operatingSystem()) {
      return entry.product().name();
    }
    OperatingSystem os = machine.os();
    return switch (os.family()) {
      case WINDOWS -> os.name();
      case MAC -> "Mac OS " + os.majorVersion();
      case LINUX -> entry.product().name();
    };
  }

  /** Host group ids: one per site and one per role, stable for a seed. */
  static List<String> groupIds(long seed, Machine machine) {
    return List.of(
        groupId(seed, "site:" + machine.site()), groupId(seed, "role:" + machine.role()));
  }

  static List<String> groupNames(Machine machine) {
    return List.of("Site " + machine.site(), productTypeDesc(machine.role()) + "s");
  }

  static String groupId(long seed, String name) {
    return CveCatalog.hex32(
        StableHash.of(seed, name.hashCode(), 0x6709), StableHash.of(seed, name.length(), 0x6709));
  }

  static List<String> tags(Machine machine) {
    return switch (machine.role()) {
      case DOMAIN_CONTROLLER -> List.of("FalconGroupingTags/tier0");
      case SERVER -> machine.cloud().isPresent() ? List.of("FalconGroupingTags/cloud") : List.of();
      case WORKSTATION -> List.of();
    };
  }

  static String agentVersion(long seed, int agent) {
    long h = StableHash.of(seed, agent, 0xA6E7);
    return "7."
        + (10 + Long.remainderUnsigned(h, 9))
        + "."
        + (17000 + Long.remainderUnsigned(h >>> 16, 2000))
        + ".0";
  }
}
