package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.simulators.fleet.CloudProvider;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.OsFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class CortexRenderingTest {
  private final List<Machine> machines = new Fleet(42).machines(0, 600);

  @Test
  void shouldNameLinuxEc2InstancesByTheirInternalFqdn() {
    Machine ec2 =
        machines.stream()
            .filter(
                m ->
                    m.os().family() == OsFamily.LINUX
                        && m.hostname().startsWith("ip-")
                        && m.cloud().map(c -> c.provider() == CloudProvider.AWS).orElse(false))
            .findFirst()
            .orElseThrow();

    assertThat(CortexRendering.endpointName(ec2))
        .startsWith(ec2.hostname() + ".")
        .endsWith(
            ec2.cloud().get().region().equals("us-east-1") ? ".ec2.internal" : ".compute.internal");
  }

  @Test
  void shouldSpellWindowsDomainsTheNetbiosWay() {
    for (Machine m : machines) {
      if (m.os().family() != OsFamily.WINDOWS) {
        continue;
      }
      String domain = CortexRendering.domain(m);
      assertThat(domain).isIn("CORP", "EMEA", "WORKGROUP");
      assertThat(domain.equals("WORKGROUP")).isEqualTo(m.dnsDomain().isEmpty());
      assertThat(CortexRendering.endpointName(m)).isEqualTo(m.hostname());
    }
  }

  @Test
  void shouldWriteOsAndAddressesTheCortexWay() {
    Machine windows =
        machines.stream()
            .filter(m -> m.os().family() == OsFamily.WINDOWS)
            .findFirst()
            .orElseThrow();
    Machine ubuntu =
        machines.stream()
            .filter(m -> m.os().productName().equals("Ubuntu"))
            .findFirst()
            .orElseThrow();

    assertThat(CortexRendering.osType(OsFamily.MAC)).isEqualTo("AGENT_OS_MAC");
    assertThat(CortexRendering.operatingSystem(windows.os())).startsWith("Windows ");
    assertThat(CortexRendering.osVersion(windows.os())).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(CortexRendering.operatingSystem(ubuntu.os())).matches("Ubuntu \\d\\d\\.\\d\\d");
    assertThat(CortexRendering.macAddresses(windows))
        .allMatch(m -> m.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"))
        .hasSize(windows.interfaces().size());
    assertThat(CortexRendering.linkLocal(0x001122334455L)).isEqualTo("fe80::211:22ff:fe33:4455");
  }
}
