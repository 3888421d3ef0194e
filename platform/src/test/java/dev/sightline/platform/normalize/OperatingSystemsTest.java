package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatingSystemsTest {

  /** name field | version field | name | version | family ("-" = absent; "#" = provenance). */
  @ParameterizedTest(name = "{0} + {1} → {2} {3} ({4})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      # Cortex os_type + operating_system; CrowdStrike os_version (+ os_build, samples/crowdstrike)
      AGENT_OS_WINDOWS                                    | Windows 11 Pro 22H2 | Windows 11               | 22H2     | Windows
      Windows 11                                          | -                   | Windows 11               | -        | Windows
      Windows 11                                          | 22621               | Windows 11               | 22H2     | Windows
      Windows 10                                          | 10586               | Windows 10               | 1511     | Windows
      Windows 10                                          | 19044               | Windows 10               | 21H2     | Windows
      Windows 10 Pro                                      | 10.0.19045.3570     | Windows 10               | 22H2     | Windows
      # CrowdStrike os_product_name and WMI Caption spellings carry the edition, which is dropped
      Windows 10 Enterprise                               | -                   | Windows 10               | -        | Windows
      Windows Server 2016                                 | 14393               | Windows Server 2016      | 14393    | Windows
      Windows Server 2019                                 | -                   | Windows Server 2019      | -        | Windows
      Windows Server 2019 Datacenter                      | 17763               | Windows Server 2019      | 17763    | Windows
      Microsoft Windows Server 2012 R2 Standard           | -                   | Windows Server 2012 R2   | -        | Windows
      Windows Server 2022 Datacenter Azure Edition        | -                   | Windows Server 2022      | -        | Windows
      Microsoft Windows 11 Enterprise 23H2                | -                   | Windows 11               | 23H2     | Windows
      Windows 7 Professional                              | 7601                | Windows 7                | 7601     | Windows
      AGENT_OS_WINDOWS                                    | 10.0.22621          | Windows                  | 22621    | Windows
      windows                                             | 22h2                | Windows                  | 22H2     | Windows
      # Cortex operating_system / os_version (vendors/cortex-xdr.md §2.2), CrowdStrike os_version,
      # /etc/os-release PRETTY_NAME
      Ubuntu 22.04                                        | -                   | Ubuntu                   | 22.04    | Linux
      Ubuntu 22.04                                        | 22.04.3             | Ubuntu                   | 22.04.3  | Linux
      AGENT_OS_LINUX                                      | Ubuntu 22.04        | Ubuntu                   | 22.04    | Linux
      AGENT_OS_LINUX                                      | 22.04.3             | Linux                    | 22.04.3  | Linux
      Ubuntu 22.04.3 LTS                                  | -                   | Ubuntu                   | 22.04.3  | Linux
      RHEL 8.6                                            | -                   | Red Hat Enterprise Linux | 8.6      | Linux
      Red Hat Enterprise Linux Server release 7.9 (Maipo) | -                   | Red Hat Enterprise Linux | 7.9      | Linux
      CentOS 7.9                                          | -                   | CentOS                   | 7.9      | Linux
      CentOS Linux release 7.9.2009 (Core)                | -                   | CentOS                   | 7.9.2009 | Linux
      CentOS Stream 9                                     | -                   | CentOS Stream            | 9        | Linux
      Debian GNU/Linux 11 (bullseye)                      | -                   | Debian                   | 11       | Linux
      Amazon Linux 2                                      | -                   | Amazon Linux             | 2        | Linux
      Amazon Linux 2023                                   | -                   | Amazon Linux             | 2023     | Linux
      SUSE Linux Enterprise Server 15 SP4                 | -                   | SUSE Linux Enterprise Server | 15 SP4 | Linux
      SLES 15                                             | 15 SP4              | SUSE Linux Enterprise Server | 15 SP4 | Linux
      Oracle Linux Server 8.7                             | -                   | Oracle Linux             | 8.7      | Linux
      Rocky Linux 9.2                                     | -                   | Rocky Linux              | 9.2      | Linux
      AlmaLinux 9.2                                       | -                   | AlmaLinux                | 9.2      | Linux
      Linux                                               | -                   | Linux                    | -        | Linux
      # CrowdStrike "Ventura (13)" style, sw_vers, Cortex AGENT_OS_MAC / AGENT_OS_MACOS, platform_name
      macOS Ventura (13)                                  | -                   | macOS                    | 13       | macOS
      Ventura (13)                                        | -                   | macOS                    | 13       | macOS
      Monterey (12)                                       | -                   | macOS                    | 12       | macOS
      Catalina (10.15)                                    | -                   | macOS                    | 10.15    | macOS
      macOS Ventura (13)                                  | 13.4.1              | macOS                    | 13.4.1   | macOS
      Mac OS X 10.15.7                                    | -                   | macOS                    | 10.15.7  | macOS
      macOS 14.2.1 (23C71)                                | -                   | macOS                    | 14.2.1   | macOS
      macOS Sonoma                                        | -                   | macOS                    | 14       | macOS
      AGENT_OS_MAC                                        | 13.4.1              | macOS                    | 13.4.1   | macOS
      AGENT_OS_MACOS                                      | macOS Sonoma 14.2   | macOS                    | 14.2     | macOS
      Mac                                                 | -                   | macOS                    | -        | macOS
      # everything else
      AGENT_OS_ANDROID                                    | 13                  | Android                  | 13       | Other
      Android 14                                          | -                   | Android                  | 14       | Other
      iOS 17.1                                            | -                   | iOS                      | 17.1     | Other
      FreeBSD 13.2                                        | -                   | FreeBSD                  | 13.2     | Other
      AGENT_OS_LINUX                                      | Foo Distro 3        | Foo Distro               | 3        | Linux
      -                                                   | Ubuntu 22.04        | Ubuntu                   | 22.04    | Linux
      """)
  void shouldNameEachSystemOneWay(
      String rawName, String rawVersion, String name, String version, String family) {
    assertThat(OperatingSystems.normalize(rawName, rawVersion))
        .contains(new OperatingSystem(name, Optional.ofNullable(version), family));
  }

  @ParameterizedTest(name = "{0} + {1} → empty")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      -       | -
      ''      | ''
      Unknown | -
      N/A     | N/A
      -       | 22H2
      -       | 10.0.19045
      """)
  void shouldRefuseWhatNamesNoSystem(String rawName, String rawVersion) {
    assertThat(OperatingSystems.normalize(rawName, rawVersion)).isEmpty();
  }

  @Test
  void shouldMatchCrowdStrikeAndCortexSpellingsOfOneHost() {
    Optional<OperatingSystem> crowdStrike = OperatingSystems.normalize("Windows 11", "22621");
    Optional<OperatingSystem> cortex =
        OperatingSystems.normalize("AGENT_OS_WINDOWS", "Windows 11 Pro 22H2");

    assertThat(crowdStrike).isEqualTo(cortex);
  }

  @Test
  void shouldKeepTheNamesReleaseWhenTheBuildDisagrees() {
    // A build from another product line is not allowed to rename the release in the name.
    assertThat(OperatingSystems.normalize("Windows 11 Pro 22H2", "19045").orElseThrow().version())
        .contains("22H2");
  }
}
