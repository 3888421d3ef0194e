package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.FormFactor;
import dev.sightline.simulators.fleet.Hardware;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.NetworkInterface;
import dev.sightline.simulators.fleet.OperatingSystem;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tenant's assets without a sensor: about 5% of {@code hosts} (at least one from 20 hosts up),
 * each a pure function of (seed, fleet offset + its number), built on demand.
 *
 * <p>They lie beyond the fleet on purpose, so that correlation can never merge one with a fleet
 * machine: host names use prefixes no fleet naming scheme produces, addresses come from
 * 10.240.0.0/13 (fleet sites use 10.1–10.128 below that), MACs carry manufacturer prefixes the
 * fleet never draws, and the only serials are SNMP ones with an {@code SNMP-} prefix.
 */
final class UnmanagedAssets {
  private static final long SALT = StableHash.salt("cs.unmanaged");
  private static final long BROTHER = 0x3C2AF4L;
  private static final long CISCO_PHONE = 0x6C2056L;
  private static final long AXIS = 0xACCC8EL;
  private static final long SYNOLOGY = 0x001132L;
  private static final long ASUS = 0x049226L;
  private static final long SUPERMICRO = 0x002590L;
  private static final long APPLE_OTHER = 0xA483E7L;

  private enum Kind {
    WINDOWS_WORKSTATION,
    WINDOWS_SERVER,
    LINUX_SERVER,
    APPLIANCE,
    MAC,
    PRINTER,
    PHONE,
    CAMERA
  }

  private final long seed;
  private final int offset;
  private final int count;

  UnmanagedAssets(long seed, int offset, int hosts) {
    this.seed = seed;
    this.offset = offset;
    this.count = hosts < 20 ? 0 : Math.max(1, Math.round(hosts * 0.05f));
  }

  int count() {
    return count;
  }

  /** Asset {@code j} of this tenant, {@code 0 <= j < count()}. */
  UnmanagedAsset asset(int j) {
    long n = (long) offset + j;
    SeededDraws d = new SeededDraws(StableHash.of(seed, n, SALT));
    Kind kind = kind(d.nextInt(100));
    long label = 50_000 + n;
    long macLow = (n * 0x9E3779B1L) & 0xFFFFFFL; // an odd multiplier: distinct for 2^24 assets
    int ip = (10 << 24) | (240 << 16) + (int) ((n % 512_000) / 250 << 8) + (int) (n % 250) + 2;
    Duration firstSeenAgo = Duration.ofDays(d.between(5, 400)).plusSeconds(d.nextInt(86_400));
    Duration lastSeenAgo = Duration.ofSeconds(d.between(1800, 10 * 86_400));
    boolean inAd =
        (kind == Kind.WINDOWS_WORKSTATION || kind == Kind.WINDOWS_SERVER) && d.chance(0.8);
    String domain = inAd ? "corp.example.com" : "";
    List<String> providers =
        inAd
            ? List.of(UnmanagedAsset.NETWORK_SCAN, UnmanagedAsset.ACTIVE_DIRECTORY)
            : List.of(UnmanagedAsset.NETWORK_SCAN);
    List<String> discoveringBy = d.chance(0.3) ? List.of("Active", "Passive") : List.of("Passive");
    Spec s = spec(kind, label, macLow, d);
    NetworkInterface nic = new NetworkInterface("", "", s.mac(), ip, 24, false);
    Hardware hardware = new Hardware("", "", s.serial(), "", "", s.formFactor());
    Machine machine =
        new Machine(
            -1 - n,
            s.hostname(),
            domain,
            inAd ? "Computers" : "",
            "Default-First-Site-Name",
            s.role(),
            s.os(),
            hardware,
            List.of(nic),
            "203.0.113.10",
            Optional.empty(),
            firstSeenAgo,
            lastSeenAgo,
            Optional.empty());
    boolean unsupported = kind == Kind.PRINTER || kind == Kind.PHONE || kind == Kind.CAMERA;
    int confidence = inAd ? 75 : unsupported ? 25 : 50;
    return new UnmanagedAsset(
        unsupported ? UnmanagedAsset.UNSUPPORTED : UnmanagedAsset.UNMANAGED,
        machine,
        s.productType(),
        providers,
        discoveringBy,
        confidence,
        s.serial());
  }

  private record Spec(
      String hostname,
      long mac,
      OperatingSystem os,
      MachineRole role,
      Optional<String> productType,
      FormFactor formFactor,
      String serial) {}

  private static Kind kind(int r) {
    return r < 34
        ? Kind.WINDOWS_WORKSTATION
        : r < 48
            ? Kind.WINDOWS_SERVER
            : r < 66
                ? Kind.LINUX_SERVER
                : r < 78
                    ? Kind.APPLIANCE
                    : r < 88 ? Kind.MAC : r < 94 ? Kind.PRINTER : r < 97 ? Kind.PHONE : Kind.CAMERA;
  }

  private static Spec spec(Kind kind, long label, long macLow, SeededDraws d) {
    Optional<String> workstation = Optional.of("Workstation");
    Optional<String> server = Optional.of("Server");
    return switch (kind) {
      case WINDOWS_WORKSTATION ->
          new Spec(
              "KIOSK-" + label,
              ASUS << 24 | macLow,
              d.chance(0.3)
                  ? os(
                      OsFamily.WINDOWS,
                      "Windows 7",
                      "Windows 7 Professional",
                      "",
                      6,
                      1,
                      "7601",
                      "6.1.7601.24000",
                      true)
                  : os(
                      OsFamily.WINDOWS,
                      "Windows 10",
                      "Windows 10 Pro",
                      "",
                      10,
                      0,
                      "19045",
                      "10.0.19045.3570",
                      false),
              MachineRole.WORKSTATION,
              workstation,
              FormFactor.DESKTOP,
              "");
      case WINDOWS_SERVER ->
          new Spec(
              "LEGACY-APP-" + label,
              SUPERMICRO << 24 | macLow,
              os(
                  OsFamily.WINDOWS,
                  "Windows Server 2012 R2",
                  "Windows Server 2012 R2 Standard",
                  "",
                  6,
                  3,
                  "9600",
                  "6.3.9600.20000",
                  true),
              MachineRole.SERVER,
              server,
              FormFactor.SERVER,
              "");
      case LINUX_SERVER ->
          new Spec(
              "lab-srv-" + label,
              SUPERMICRO << 24 | macLow,
              os(
                  OsFamily.LINUX,
                  "CentOS 7.9",
                  "CentOS Linux",
                  "Core",
                  7,
                  9,
                  "",
                  "3.10.0-1160.el7.x86_64",
                  true),
              MachineRole.SERVER,
              server,
              FormFactor.SERVER,
              "");
      case APPLIANCE ->
          new Spec(
              "nas-" + label,
              SYNOLOGY << 24 | macLow,
              os(OsFamily.LINUX, "Linux", "Linux", "", 4, 4, "", "4.4.302", false),
              MachineRole.SERVER,
              Optional.empty(),
              FormFactor.SERVER,
              "");
      case MAC ->
          new Spec(
              ("conf-room-mac-" + label).toLowerCase(Locale.ROOT),
              APPLE_OTHER << 24 | macLow,
              os(
                  OsFamily.MAC,
                  "macOS Monterey",
                  "macOS",
                  "Monterey",
                  12,
                  7,
                  "21H1222",
                  "21.6.0",
                  true),
              MachineRole.WORKSTATION,
              workstation,
              FormFactor.DESKTOP,
              "");
      case PRINTER ->
          device(
              "PRN-" + label, BROTHER << 24 | macLow, "SNMP-" + d.hex(10).toUpperCase(Locale.ROOT));
      case PHONE ->
          device(
              "SEP" + String.format(Locale.ROOT, "%012X", CISCO_PHONE << 24 | macLow),
              CISCO_PHONE << 24 | macLow,
              "");
      case CAMERA ->
          device(
              "axis-cam-" + label,
              AXIS << 24 | macLow,
              "SNMP-" + d.hex(10).toUpperCase(Locale.ROOT));
    };
  }

  /** Printers, phones and cameras: firmware Discover cannot name a platform or product type for. */
  private static Spec device(String hostname, long mac, String serial) {
    return new Spec(
        hostname,
        mac,
        os(OsFamily.LINUX, "", "", "", 0, 0, "", "", false),
        MachineRole.WORKSTATION,
        Optional.empty(),
        FormFactor.DESKTOP,
        serial);
  }

  private static OperatingSystem os(
      OsFamily family,
      String name,
      String product,
      String codename,
      int major,
      int minor,
      String build,
      String kernel,
      boolean eol) {
    return new OperatingSystem(family, name, product, codename, major, minor, build, kernel, eol);
  }
}
