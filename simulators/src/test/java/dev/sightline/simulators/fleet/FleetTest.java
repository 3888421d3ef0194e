package dev.sightline.simulators.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetTest {
  private final Fleet fleet = new Fleet(42);

  @Test
  void shouldBuildTheSameMachineForTheSameSeedAndIndex() {
    assertThat(new Fleet(42).machine(1234)).isEqualTo(fleet.machine(1234));
    assertThat(new Fleet(43).machine(1234)).isNotEqualTo(fleet.machine(1234));
  }

  @Test
  void shouldBuildAnyWindowWithoutTheOthers() {
    List<Machine> window = fleet.machines(5_000_000, 3);

    assertThat(window)
        .extracting(Machine::index)
        .containsExactly(5_000_000L, 5_000_001L, 5_000_002L);
    assertThat(window.get(1)).isEqualTo(fleet.machine(5_000_001));
  }

  @Test
  void shouldPlantTheCorrelationTrapsInEveryTwoHundredFiftyMachines() {
    List<Machine> machines = fleet.machines(250, 250);
    Map<String, Integer> hostnames = new HashMap<>();
    machines.forEach(m -> hostnames.merge(m.hostname(), 1, Integer::sum));

    assertThat(hostnames.values()).contains(2);
    assertThat(fleet.machine(267).hostname()).isEqualTo(fleet.machine(266).hostname());
    assertThat(fleet.machine(267).hardware().serialNumber())
        .isNotEqualTo(fleet.machine(266).hardware().serialNumber());
    assertThat(fleet.machine(349).hardware().placeholderSerial()).isTrue();
    Machine reimaged = fleet.machine(292);
    assertThat(reimaged.reimaged()).isTrue();
    assertThat(reimaged.reimagedAgo().orElseThrow())
        .isGreaterThan(reimaged.lastSeenAgo())
        .isLessThan(reimaged.firstSeenAgo());
  }

  @Test
  void shouldMixRolesPlatformsDeploymentsAndAdapters() {
    List<Machine> machines = fleet.machines(0, 1000);
    Set<MachineRole> roles = new HashSet<>();
    Set<OsFamily> families = new HashSet<>();
    Set<String> ouis = new HashSet<>();
    Set<CloudProvider> clouds = new HashSet<>();
    for (Machine m : machines) {
      roles.add(m.role());
      families.add(m.os().family());
      m.cloud().ifPresent(c -> clouds.add(c.provider()));
      m.interfaces().forEach(nic -> ouis.add(nic.macAddress('-', true).substring(0, 8)));
      assertThat(m.lastSeenAgo()).isLessThan(m.firstSeenAgo());
      assertThat(m.interfaces()).isNotEmpty();
    }
    assertThat(roles).containsExactlyInAnyOrder(MachineRole.values());
    assertThat(families).containsExactlyInAnyOrder(OsFamily.values());
    assertThat(clouds).containsExactlyInAnyOrder(CloudProvider.values());
    assertThat(ouis).contains("00-50-56", "00-15-5D");
    assertThat(ouis.stream().anyMatch(o -> o.startsWith("02-42"))).isTrue();
    assertThat(machines.stream().filter(m -> m.reimaged()).count()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void shouldFormatMacAndAddressesForEachVendor() {
    NetworkInterface nic =
        new NetworkInterface(
            "ens192", "vmxnet3", 0x00505693D7C1L, NetworkPlan.ip(10, 255, 1, 208), 24, true);

    assertThat(nic.macAddress('-', true)).isEqualTo("00-50-56-93-D7-C1");
    assertThat(nic.macAddress(':', false)).isEqualTo("00:50:56:93:d7:c1");
    assertThat(nic.ipv4Address()).isEqualTo("10.255.1.208");
    assertThat(nic.networkAddress()).isEqualTo("10.255.1.0");
  }

  @Test
  void shouldGiveFullyQualifiedNamesOnlyToJoinedMachines() {
    for (Machine m : fleet.machines(0, 200)) {
      if (m.dnsDomain().isEmpty()) {
        assertThat(m.fqdn()).isEqualTo(m.hostname().toLowerCase());
        assertThat(m.organizationalUnit()).isEmpty();
      } else {
        assertThat(m.fqdn()).endsWith("." + m.dnsDomain());
      }
    }
  }
}
