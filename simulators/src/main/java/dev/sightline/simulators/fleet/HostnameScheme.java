package dev.sightline.simulators.fleet;

import java.util.List;
import java.util.Locale;

/**
 * Naming conventions per kind of machine. A running number derived from the index keeps names
 * unique, except where the fleet plants a duplicate on purpose.
 */
final class HostnameScheme {
  private static final String UPPER_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  private static final List<String> DEPARTMENTS =
      List.of("FIN", "HR", "ENG", "OPS", "MKT", "SAL", "LEG", "IT");
  private static final List<String> APPS =
      List.of("APP", "WEB", "SQL", "FS", "PRT", "CA", "EXC", "RDS", "BI");
  private static final List<String> LINUX_APPS =
      List.of("web", "db", "kafka", "k8s", "api", "cache", "mq", "build", "log", "elk");
  private static final List<String> FIRST =
      List.of(
          "a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v");
  private static final List<String> LAST =
      List.of(
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
          "okafor");

  private HostnameScheme() {}

  /** Every 250th machine from index 17 reuses the previous machine's name: a correlation trap. */
  static boolean duplicatesPrevious(long index) {
    return index > 0 && index % 250 == 17;
  }

  static String name(long seed, MachineProfile p, List<NetworkInterface> interfaces) {
    SeededDraws d = new SeededDraws(StableHash.of(seed, p.index(), Salts.HOSTNAME));
    long n = 10_000 + p.index();
    return switch (p.role()) {
      case DOMAIN_CONTROLLER -> "DC-" + n;
      case SERVER -> server(p, d, n, interfaces);
      case WORKSTATION -> workstation(p, d, n);
    };
  }

  private static String server(
      MachineProfile p, SeededDraws d, long n, List<NetworkInterface> interfaces) {
    if (p.family() == OsFamily.WINDOWS) {
      if (p.deployment() == Deployment.AWS) {
        return "EC2AMAZ-" + d.chars(7, UPPER_ALNUM);
      }
      return "SRV-" + d.pick(APPS) + "-" + n;
    }
    if (p.deployment() == Deployment.AWS) {
      // EC2 Linux default: the private address in the name. Not unique across VPCs, like the real
      // thing.
      return "ip-" + interfaces.get(0).ipv4Address().replace('.', '-');
    }
    String env = d.pick("prd", "prd", "stg", "dev");
    return env + "-" + d.pick(LINUX_APPS) + "-" + n;
  }

  private static String workstation(MachineProfile p, SeededDraws d, long n) {
    String dept = d.pick(DEPARTMENTS);
    return switch (p.family()) {
      case MAC -> (d.pick(FIRST) + d.pick(LAST) + "-mbp-" + n).toLowerCase(Locale.ROOT);
      case LINUX -> "dev-ws-" + n;
      case WINDOWS ->
          switch (p.deployment()) {
            case WHITEBOX -> "PC-" + dept + "-" + n;
            case VMWARE, AZURE -> "VDI-" + dept + "-" + n;
            default ->
                p.formFactor() == FormFactor.LAPTOP
                    ? (d.chance(0.45)
                        ? "DESKTOP-" + d.chars(7, UPPER_ALNUM)
                        : "LT-" + dept + "-" + n)
                    : "WS-" + dept + "-" + n;
          };
    };
  }
}
