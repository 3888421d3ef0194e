package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.CloudPlacement;
import dev.sightline.simulators.fleet.CloudProvider;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.NetworkInterface;
import dev.sightline.simulators.fleet.OperatingSystem;
import dev.sightline.simulators.fleet.OsFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How Cortex XDR spells fleet facts, which differs from CrowdStrike on purpose (correlation across
 * sources has real work to do): Linux agents report their FQDN ({@code
 * ip-10-0-0-4.eu-west-1.compute.internal}, as in the samples), Windows domains are NetBIOS names
 * ({@code CORP}, {@code WORKGROUP}), MACs are lower case with colons, every adapter's addresses are
 * listed, and the OS comes as {@code AGENT_OS_*} plus an {@code operating_system} text.
 */
final class CortexRendering {
  private CortexRendering() {}

  /**
   * {@code endpoint_name}: Windows the NetBIOS name as reported, Linux the FQDN where it has one,
   * macOS lower case.
   */
  static String endpointName(Machine m) {
    String host = m.hostname();
    return switch (m.os().family()) {
      case WINDOWS -> host;
      case MAC -> host.toLowerCase(Locale.ROOT);
      case LINUX -> {
        if (m.cloud().isPresent()
            && m.cloud().get().provider() == CloudProvider.AWS
            && host.startsWith("ip-")) {
          yield host + "." + awsInternalDomain(m.cloud().get().region());
        }
        yield m.dnsDomain().isEmpty() ? host.toLowerCase(Locale.ROOT) : m.fqdn();
      }
    };
  }

  static String awsInternalDomain(String region) {
    return region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
  }

  /**
   * {@code domain}: NetBIOS domain for Windows ({@code CORP}, {@code EMEA}, {@code WORKGROUP}), DNS
   * domain otherwise.
   */
  static String domain(Machine m) {
    if (m.os().family() != OsFamily.WINDOWS) {
      return m.dnsDomain();
    }
    if (m.dnsDomain().isEmpty()) {
      return "WORKGROUP";
    }
    int dot = m.dnsDomain().indexOf('.');
    return (dot < 0 ? m.dnsDomain() : m.dnsDomain().substring(0, dot)).toUpperCase(Locale.ROOT);
  }

  static String endpointType(MachineRole role) {
    return role == MachineRole.WORKSTATION ? "AGENT_TYPE_WORKSTATION" : "AGENT_TYPE_SERVER";
  }

  static String osType(OsFamily family) {
    return switch (family) {
      case WINDOWS -> "AGENT_OS_WINDOWS";
      case MAC -> "AGENT_OS_MAC";
      case LINUX -> "AGENT_OS_LINUX";
    };
  }

  /** The {@code platform} filter value: {@code windows}, {@code macos}, {@code linux}. */
  static String platform(OsFamily family) {
    return switch (family) {
      case WINDOWS -> "windows";
      case MAC -> "macos";
      case LINUX -> "linux";
    };
  }

  /**
   * {@code operating_system}: "Windows 11 Enterprise", "macOS Sonoma 14.5", "Ubuntu 22.04", "Red
   * Hat Enterprise Linux 9.3".
   */
  static String operatingSystem(OperatingSystem os) {
    return switch (os.family()) {
      case WINDOWS -> os.productName();
      case MAC -> os.name() + " " + os.majorVersion() + "." + os.minorVersion();
      case LINUX ->
          os.name().startsWith(os.productName())
              ? os.name()
              : os.productName() + " " + linuxVersion(os);
    };
  }

  /** {@code os_version}: "10.0.22631" (Windows build), "14.5", "22.04", "9.3", "12". */
  static String osVersion(OperatingSystem os) {
    return switch (os.family()) {
      case WINDOWS -> os.majorVersion() + "." + os.minorVersion() + "." + os.build();
      case MAC -> os.majorVersion() + "." + os.minorVersion();
      case LINUX -> linuxVersion(os);
    };
  }

  private static String linuxVersion(OperatingSystem os) {
    if (os.productName().equals("Ubuntu")) {
      return String.format(Locale.ROOT, "%d.%02d", os.majorVersion(), os.minorVersion());
    }
    return os.minorVersion() == 0
        ? String.valueOf(os.majorVersion())
        : os.majorVersion() + "." + os.minorVersion();
  }

  /**
   * Every adapter's IPv4 address, primary first (Docker's 172.17.0.1 included, as agents report
   * it).
   */
  static List<String> ipv4(Machine m) {
    List<String> out = new ArrayList<>(m.interfaces().size());
    for (NetworkInterface nic : m.interfaces()) {
      out.add(nic.ipv4Address());
    }
    return out;
  }

  /**
   * Link-local IPv6 (EUI-64) of physical adapters on Windows and macOS machines; none elsewhere.
   */
  static List<String> ipv6(Machine m) {
    if (m.os().family() == OsFamily.LINUX) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    for (NetworkInterface nic : m.interfaces()) {
      if (!nic.virtualAdapter()) {
        out.add(linkLocal(nic.mac()));
      }
    }
    return out;
  }

  /** {@code aa:bb:cc:dd:ee:ff} for every adapter, lower case with colons, as in the samples. */
  static List<String> macAddresses(Machine m) {
    List<String> out = new ArrayList<>(m.interfaces().size());
    for (NetworkInterface nic : m.interfaces()) {
      out.add(nic.macAddress(':', false));
    }
    return out;
  }

  static String linkLocal(long mac) {
    int b0 = (int) ((mac >>> 40) & 0xFF) ^ 0x02;
    int b1 = (int) ((mac >>> 32) & 0xFF);
    int b2 = (int) ((mac >>> 24) & 0xFF);
    int b3 = (int) ((mac >>> 16) & 0xFF);
    int b4 = (int) ((mac >>> 8) & 0xFF);
    int b5 = (int) (mac & 0xFF);
    return String.format(
        Locale.ROOT,
        "fe80::%x:%x:%x:%x",
        (b0 << 8) | b1,
        (b2 << 8) | 0xFF,
        0xFE00 | b3,
        (b4 << 8) | b5);
  }

  static String cloudProvider(CloudPlacement cloud) {
    return cloud.provider().name(); // AWS, AZURE, GCP
  }

  static String roleGroup(MachineRole role) {
    return switch (role) {
      case WORKSTATION -> "Workstations";
      case SERVER -> "Servers";
      case DOMAIN_CONTROLLER -> "Domain Controllers";
    };
  }
}
