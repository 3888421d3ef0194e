package dev.sightline.simulators.cortex;

import dev.sightline.simulators.fleet.CloudPlacement;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One endpoint as {@code get_endpoint} shows it: the machine's facts in Cortex spelling plus the
 * agent's own state (versions, isolation, scan, protection, tags, groups). Drawn from hashes of the
 * endpoint id, so a record is the same on every call; built per page, never stored.
 */
record EndpointFacts(
    String endpointId,
    String endpointName,
    String endpointType,
    EndpointStatus status,
    String osType,
    String osVersion,
    String operatingSystem,
    String platform,
    List<String> ip,
    List<String> ipv6,
    String publicIp,
    List<String> macAddresses,
    List<String> users,
    String domain,
    String alias,
    long firstSeen,
    long lastSeen,
    String contentVersion,
    long contentReleaseTimestamp,
    long lastContentUpdateTime,
    String contentStatus,
    String installationPackage,
    String endpointVersion,
    boolean isolated,
    long isolatedDate,
    List<String> groupNames,
    boolean partiallyProtected,
    String scanStatus,
    String preventionPolicy,
    List<String> serverTags,
    List<String> endpointTags,
    Optional<CloudPlacement> cloud) {

  private static final long SALT = StableHash.salt("cx.endpoint-facts");
  private static final String[] FIRST = {
    "a", "b", "c", "d", "e", "j", "l", "m", "n", "p", "s", "t"
  };
  private static final String[] LAST = {
    "martin",
    "dupont",
    "smith",
    "garcia",
    "chen",
    "muller",
    "rossi",
    "nguyen",
    "kowalski",
    "silva",
    "tanaka",
    "brown",
    "lefebvre",
    "novak",
    "jensen",
    "okafor"
  };

  static EndpointFacts of(EndpointDirectory dir, int e, long lastSeen) {
    Machine m = dir.machine(e);
    long h = dir.hash(e, SALT);
    boolean old = dir.stale(e);
    EndpointStatus status = dir.status(e, lastSeen);
    OsFamily family = m.os().family();
    boolean isolated =
        !old && status == EndpointStatus.CONNECTED && Long.remainderUnsigned(h, 300) == 7;
    long contentUpdate =
        Math.max(dir.firstSeen(e), lastSeen - Long.remainderUnsigned(h >>> 9, 6 * 3_600_000L));
    return new EndpointFacts(
        dir.endpointId(e),
        dir.endpointName(e),
        CortexRendering.endpointType(m.role()),
        status,
        CortexRendering.osType(family),
        CortexRendering.osVersion(m.os()),
        CortexRendering.operatingSystem(m.os()),
        CortexRendering.platform(family),
        CortexRendering.ipv4(m),
        CortexRendering.ipv6(m),
        m.externalIp(),
        CortexRendering.macAddresses(m),
        users(m, h),
        CortexRendering.domain(m),
        "",
        dir.firstSeen(e),
        lastSeen,
        contentVersion(h, old),
        contentUpdate - 86_400_000L,
        contentUpdate,
        status == EndpointStatus.CONNECTED ? "UP_TO_DATE" : "OUT_OF_DATE",
        installationPackage(m),
        endpointVersion(h, old, family),
        isolated,
        isolated ? lastSeen - 3_600_000L : -1,
        groups(m, h),
        Long.remainderUnsigned(h >>> 3, 25) == 0,
        scanStatus(h),
        CortexRendering.roleGroup(m.role()) + " Prevention",
        serverTags(m),
        endpointTags(m),
        m.cloud());
  }

  private static List<String> users(Machine m, long h) {
    String first = FIRST[(int) Long.remainderUnsigned(h >>> 5, FIRST.length)];
    String last = LAST[(int) Long.remainderUnsigned(h >>> 11, LAST.length)];
    return switch (m.os().family()) {
      case WINDOWS -> {
        String domain = CortexRendering.domain(m);
        if (m.role() != MachineRole.WORKSTATION) {
          yield List.of(domain.equals("WORKGROUP") ? "Administrator" : domain + "\\svc-backup");
        }
        yield List.of(domain.equals("WORKGROUP") ? "user" : domain + "\\" + first + "." + last);
      }
      case MAC -> List.of(first + last);
      case LINUX -> {
        if (m.cloud().isPresent()) {
          yield List.of(m.os().productName().startsWith("Amazon") ? "ec2-user" : "ubuntu");
        }
        yield List.of(m.role() == MachineRole.WORKSTATION ? first + last : "root");
      }
    };
  }

  private static String contentVersion(long h, boolean old) {
    int major =
        old
            ? 1100 + (int) Long.remainderUnsigned(h >>> 13, 80)
            : 1380 + (int) Long.remainderUnsigned(h >>> 13, 9);
    return major + "-" + (80_000 + Long.remainderUnsigned(h >>> 21, 9_000));
  }

  private static String endpointVersion(long h, boolean old, OsFamily family) {
    int minor = old ? 9 : 3 + (int) Long.remainderUnsigned(h >>> 17, 4);
    int major = old ? 7 : 8;
    int build =
        (family == OsFamily.LINUX ? 12_000 : 14_000) + (int) Long.remainderUnsigned(h >>> 27, 900);
    return major + "." + minor + "." + Long.remainderUnsigned(h >>> 31, 3) + "." + build;
  }

  private static String installationPackage(Machine m) {
    return switch (m.os().family()) {
      case WINDOWS ->
          m.role() == MachineRole.WORKSTATION ? "Windows Workstations" : "Windows Servers";
      case MAC -> "macOS";
      case LINUX -> m.role() == MachineRole.WORKSTATION ? "Linux Workstations" : "Linux Servers";
    };
  }

  private static List<String> groups(Machine m, long h) {
    if (Long.remainderUnsigned(h >>> 37, 20) == 0) {
      return List.of();
    }
    return List.of(CortexRendering.roleGroup(m.role()), m.site());
  }

  private static String scanStatus(long h) {
    int r = (int) Long.remainderUnsigned(h >>> 41, 100);
    return r < 70
        ? "SCAN_STATUS_NONE"
        : r < 95 ? "SCAN_STATUS_SUCCESS" : r < 98 ? "SCAN_STATUS_ERROR" : "SCAN_STATUS_CANCELED";
  }

  /**
   * Tags set in the console: the machine's role for most machines (four in five, so a machine both
   * vendors see usually shows Cortex tags), tier 0 for domain controllers, cloud and production
   * servers.
   */
  private static List<String> serverTags(Machine m) {
    List<String> tags = new ArrayList<>(3);
    if (m.index() % 5 != 0) {
      tags.add(CortexRendering.roleGroup(m.role()).toLowerCase(Locale.ROOT).replace(' ', '-'));
    }
    if (m.role() == MachineRole.DOMAIN_CONTROLLER) {
      tags.add("tier0");
    }
    if (m.role() != MachineRole.WORKSTATION && m.cloud().isPresent()) {
      tags.add("cloud");
    }
    if (m.hostname().startsWith("prd-")) {
      tags.add("production");
    }
    return tags;
  }

  /**
   * Tags the agent was installed with: the site for workstations and Windows servers, the
   * environment for Linux servers named after one.
   */
  private static List<String> endpointTags(Machine m) {
    String host = m.hostname();
    int dash = host.indexOf('-');
    String env = dash > 0 ? host.substring(0, dash) : "";
    if (m.role() != MachineRole.WORKSTATION
        && (env.equals("prd") || env.equals("stg") || env.equals("dev"))) {
      return List.of(env);
    }
    return List.of(m.site().toLowerCase(Locale.ROOT));
  }

  String isIsolated() {
    return isolated ? "AGENT_ISOLATED" : "AGENT_UNISOLATED";
  }

  String operationalStatus() {
    return partiallyProtected ? "PARTIALLY_PROTECTED" : "PROTECTED";
  }
}
