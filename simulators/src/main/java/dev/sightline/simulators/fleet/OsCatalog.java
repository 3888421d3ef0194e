package dev.sightline.simulators.fleet;

import java.util.List;

/** Operating system releases the fleet draws from, with realistic builds and kernel strings. */
final class OsCatalog {
  private record Release(
      OsFamily family,
      String name,
      String productName,
      String codename,
      int major,
      int minor,
      String build,
      String kernelPattern,
      int patchLow,
      int patchHigh,
      boolean eol) {}

  private static final List<Release> WINDOWS_DESKTOP =
      List.of(
          win("Windows 10", "Windows 10 Enterprise", 10, 0, "19045", false),
          win("Windows 10", "Windows 10 Pro", 10, 0, "19044", true),
          win("Windows 11", "Windows 11 Enterprise", 10, 0, "22631", false),
          win("Windows 11", "Windows 11 Enterprise", 10, 0, "22631", false),
          win("Windows 11", "Windows 11 Pro", 10, 0, "26100", false));
  private static final Release WINDOWS_7 =
      win("Windows 7", "Windows 7 Professional", 6, 1, "7601", true);
  private static final List<Release> WINDOWS_SERVER =
      List.of(
          win("Windows Server 2016", "Windows Server 2016 Standard", 10, 0, "14393", false),
          win("Windows Server 2019", "Windows Server 2019 Datacenter", 10, 0, "17763", false),
          win("Windows Server 2019", "Windows Server 2019 Standard", 10, 0, "17763", false),
          win("Windows Server 2022", "Windows Server 2022 Datacenter", 10, 0, "20348", false),
          win("Windows Server 2012 R2", "Windows Server 2012 R2 Standard", 6, 3, "9600", true));
  private static final List<Release> MAC =
      List.of(
          new Release(
              OsFamily.MAC,
              "macOS Monterey",
              "macOS",
              "Monterey",
              12,
              7,
              "21H1222",
              "21.6.0",
              0,
              0,
              true),
          new Release(
              OsFamily.MAC,
              "macOS Ventura",
              "macOS",
              "Ventura",
              13,
              6,
              "22G720",
              "22.6.0",
              0,
              0,
              false),
          new Release(
              OsFamily.MAC,
              "macOS Sonoma",
              "macOS",
              "Sonoma",
              14,
              5,
              "23F79",
              "23.5.0",
              0,
              0,
              false),
          new Release(
              OsFamily.MAC,
              "macOS Sequoia",
              "macOS",
              "Sequoia",
              15,
              1,
              "24B83",
              "24.1.0",
              0,
              0,
              false));
  private static final List<Release> LINUX =
      List.of(
          linux("Ubuntu 22.04", "Ubuntu", "jammy", 22, 4, "5.15.0-%d-generic", 60, 125, false),
          linux("Ubuntu 20.04", "Ubuntu", "focal", 20, 4, "5.4.0-%d-generic", 100, 190, false),
          linux(
              "RHEL 9.3",
              "Red Hat Enterprise Linux",
              "Plow",
              9,
              3,
              "5.14.0-362.%d.1.el9_3.x86_64",
              8,
              24,
              false),
          linux(
              "RHEL 8.9",
              "Red Hat Enterprise Linux",
              "Ootpa",
              8,
              9,
              "4.18.0-513.%d.1.el8_9.x86_64",
              5,
              24,
              false),
          linux(
              "Debian 12", "Debian GNU/Linux", "bookworm", 12, 0, "6.1.0-%d-amd64", 10, 28, false),
          linux(
              "CentOS 7.9",
              "CentOS Linux",
              "Core",
              7,
              9,
              "3.10.0-1160.%d.1.el7.x86_64",
              80,
              119,
              true));
  private static final Release AMAZON_LINUX =
      linux(
          "Amazon Linux 2",
          "Amazon Linux",
          "Karoo",
          2,
          0,
          "4.14.%d-201.123.amzn2.x86_64",
          300,
          350,
          false);

  private OsCatalog() {}

  static OperatingSystem draw(MachineProfile profile, SeededDraws d) {
    Release release =
        switch (profile.family()) {
          case WINDOWS ->
              profile.role() == MachineRole.WORKSTATION
                  ? (d.chance(0.01) ? WINDOWS_7 : d.pick(WINDOWS_DESKTOP))
                  : d.pick(WINDOWS_SERVER);
          case MAC -> d.pick(MAC);
          case LINUX ->
              profile.deployment() == Deployment.AWS && d.chance(0.5)
                  ? AMAZON_LINUX
                  : d.pick(LINUX);
        };
    int patch = release.patchHigh() == 0 ? 0 : d.between(release.patchLow(), release.patchHigh());
    // replace, not String.format: this runs once per machine, a million times for big fleets
    String kernel = release.kernelPattern().replace("%d", Integer.toString(patch));
    return new OperatingSystem(
        release.family(),
        release.name(),
        release.productName(),
        release.codename(),
        release.major(),
        release.minor(),
        release.build(),
        kernel,
        release.eol());
  }

  private static Release win(
      String name, String product, int major, int minor, String build, boolean eol) {
    // Windows kernels report major.minor.build.revision; the revision is the monthly patch level.
    String kernel = major + "." + minor + "." + build + ".%d";
    return new Release(
        OsFamily.WINDOWS, name, product, "", major, minor, build, kernel, 1000, 4900, eol);
  }

  private static Release linux(
      String name,
      String product,
      String codename,
      int major,
      int minor,
      String kernel,
      int low,
      int high,
      boolean eol) {
    return new Release(
        OsFamily.LINUX, name, product, codename, major, minor, "", kernel, low, high, eol);
  }
}
