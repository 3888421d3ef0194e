package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressesTest {

  /**
   * raw | canonical | weak reason (blank = strong); "#" lines say where the spellings come from.
   */
  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # CrowdStrike devices API (vendors/crowdstrike.md §3.2) and Discover (§3.1)
      08-00-27-51-56-d8       | 08:00:27:51:56:d8 | virtual-nic: VirtualBox
      00-50-56-93-D7-C1       | 00:50:56:93:d7:c1 | virtual-nic: VMware
      # samples/crowdstrike/devices_entities_devices_v2_post_response.json: AWS EC2, Azure
      02-c7-57-85-0a-7f       | 02:c7:57:85:0a:7f | locally-administered
      00-22-48-00-63-1f       | 00:22:48:00:63:1f |
      # Cortex XDR get_endpoint mac_address (vendors/cortex-xdr.md §2.2), an Azure NIC
      00:0d:3a:e0:29:78       | 00:0d:3a:e0:29:78 |
      # Cisco dotted, bare hex, BSD arp without leading zeros, padding
      0050.5693.d7c1          | 00:50:56:93:d7:c1 | virtual-nic: VMware
      3C5282A1B2C3            | 3c:52:82:a1:b2:c3 |
      0:1b:63:a:b:c           | 00:1b:63:0a:0b:0c |
      ' 00:1B:63:84:45:E6 '   | 00:1b:63:84:45:e6 |
      # not an interface address
      00:00:00:00:00:00       | 00:00:00:00:00:00 | all-zero
      FF-FF-FF-FF-FF-FF       | ff:ff:ff:ff:ff:ff | broadcast
      01:00:5e:00:00:fb       | 01:00:5e:00:00:fb | multicast
      33:33:00:00:00:01       | 33:33:00:00:00:01 | multicast
      # hypervisors and container runtimes (KnownMacs.VIRTUAL)
      00:0c:29:3e:5f:01       | 00:0c:29:3e:5f:01 | virtual-nic: VMware
      00:05:69:00:00:01       | 00:05:69:00:00:01 | virtual-nic: VMware
      00:1c:14:00:00:01       | 00:1c:14:00:00:01 | virtual-nic: VMware
      00:15:5d:01:02:03       | 00:15:5d:01:02:03 | virtual-nic: Hyper-V
      02:42:ac:11:00:02       | 02:42:ac:11:00:02 | virtual-nic: Docker
      00:1c:42:00:00:08       | 00:1c:42:00:00:08 | virtual-nic: Parallels
      00:16:3e:12:34:56       | 00:16:3e:12:34:56 | virtual-nic: Xen
      52:54:00:12:34:56       | 52:54:00:12:34:56 | virtual-nic: QEMU/KVM
      0a:00:27:3f:11:22       | 0a:00:27:3f:11:22 | virtual-nic: VirtualBox
      00:14:4f:f8:00:01       | 00:14:4f:f8:00:01 | virtual-nic: Oracle VM Server for SPARC
      00:14:4f:01:02:03       | 00:14:4f:01:02:03 |
      # fixed addresses many machines share (KnownMacs.SHARED)
      0a:00:27:00:00:0c       | 0a:00:27:00:00:0c | shared-address: VirtualBox host-only adapter
      00:50:56:C0:00:08       | 00:50:56:c0:00:08 | shared-address: VMware host-side vmnet adapter
      00:05:9A:3C:7A:00       | 00:05:9a:3c:7a:00 | shared-address: Cisco AnyConnect virtual adapter
      ac:de:48:00:11:22       | ac:de:48:00:11:22 | shared-address: Apple T2 / Touch Bar internal interface
      20-41-53-59-4E-FF       | 20:41:53:59:4e:ff | shared-address: Windows RAS async adapter
      33:50:6f:45:30:30       | 33:50:6f:45:30:30 | shared-address: Windows WAN Miniport (PPPoE)
      00:00:5e:00:01:0a       | 00:00:5e:00:01:0a | shared-address: VRRP virtual router
      # a GCP NIC
      42:01:0a:80:00:02       | 42:01:0a:80:00:02 | locally-administered
      """)
  void shouldNormalizeAndGradeVendorMacs(String raw, String canonical, String reason) {
    Mac mac = MacAddresses.parse(raw).orElseThrow();

    assertThat(mac.canonical()).isEqualTo(canonical);
    assertThat(mac.weakReason()).isEqualTo(Optional.ofNullable(reason));
    assertThat(mac.weak()).isEqualTo(reason != null);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "00:50:56:93:d7",
        "00:50:56:93:d7:c1:ff",
        "00:50-56:93:d7:c1",
        "zz:zz:zz:zz:zz:zz",
        "00:50:56:93:d7:c1x",
        "0050.5693.d7",
        "00:11:22:33:44:55:66:77",
        "001122334455667788",
        "000:50:56:93:d7:c1",
        "00::50:56:93:d7",
        "unknown"
      })
  void shouldRefuseWhatIsNotA48BitMac(String raw) {
    assertThat(MacAddresses.parse(raw)).isEmpty();
  }

  @Test
  void shouldTreatVmwareMacsAsWeak() {
    assertThat(MacAddresses.parse("00:50:56:a1:b2:c3").orElseThrow().weakReason())
        .contains("virtual-nic: VMware");
  }

  @Test
  void shouldTreatDockerMacsAsWeak() {
    assertThat(MacAddresses.parse("02:42:ac:11:00:02").orElseThrow().weak()).isTrue();
  }

  @Test
  void shouldTreatRandomizedMacsAsWeak() {
    // An iPhone's private Wi-Fi address: random, with the locally administered bit set.
    assertThat(MacAddresses.parse("da:a1:19:5e:0c:3b").orElseThrow().weakReason())
        .contains("locally-administered");
  }

  @Test
  void shouldKeepBurnedInMacsStrong() {
    Mac dell = MacAddresses.parse("F8-BC-12-4A-55-10").orElseThrow();

    assertThat(dell.weak()).isFalse();
    assertThat(dell.oui()).isEqualTo("f8:bc:12");
  }

  @Test
  void shouldSpellEveryFormatTheSame() {
    Optional<Mac> dashed = MacAddresses.parse("00-1B-63-84-45-E6");

    assertThat(dashed)
        .isPresent()
        .isEqualTo(MacAddresses.parse("001b.6384.45e6"))
        .isEqualTo(MacAddresses.parse("001B638445E6"))
        .isEqualTo(MacAddresses.parse("0:1b:63:84:45:e6"));
  }
}
