package dev.sightline.platform.normalize;

import java.util.Map;

/** The MAC prefixes that make an address weak, each with where the entry comes from. */
final class KnownMacs {
  /**
   * Hypervisor and container-runtime prefixes, prefix → vendor. Sources: the IEEE MA-L (OUI) public
   * listing for the owners; LordNoteworthy/al-khaser {@code al-khaser/AntiVM/*.cpp} and ntop/ntopng
   * {@code src/Mac.cpp} (which cites TechRepublic's "MAC address scorecard for common virtual
   * machine platforms") for their use as virtual NICs; Docker's default bridge prefix 02:42,
   * historically followed by the container's IPv4 address (02:42:ac:11:00:02 for 172.17.0.2), so
   * Docker hosts repeat each other's MACs; libvirt's default 52:54:00 for QEMU/KVM; Oracle VM
   * Server for SPARC allocates from 00:14:4f:f8:00:00–00:14:4f:fb:ff:ff (only that range, since Sun
   * hardware uses the rest of 00:14:4f for physical NICs).
   *
   * <p>Cloud NICs are not listed: AWS and GCP use locally administered addresses (weak by the U/L
   * bit), Azure's Microsoft OUIs (00:0d:3a, 00:22:48 …) are unique per NIC and stay strong.
   */
  static final Map<String, String> VIRTUAL =
      Map.ofEntries(
          Map.entry("00:50:56", "VMware"),
          Map.entry("00:0c:29", "VMware"),
          Map.entry("00:05:69", "VMware"),
          Map.entry("00:1c:14", "VMware"),
          Map.entry("00:15:5d", "Hyper-V"),
          Map.entry("00:03:ff", "Microsoft Virtual PC"),
          Map.entry("08:00:27", "VirtualBox"),
          Map.entry("0a:00:27", "VirtualBox"),
          Map.entry("02:42", "Docker"),
          Map.entry("00:1c:42", "Parallels"),
          Map.entry("00:16:3e", "Xen"),
          Map.entry("52:54:00", "QEMU/KVM"),
          Map.entry("00:21:f6", "Oracle VM"),
          Map.entry("00:0f:4b", "Virtual Iron"),
          Map.entry("00:14:4f:f8", "Oracle VM Server for SPARC"),
          Map.entry("00:14:4f:f9", "Oracle VM Server for SPARC"),
          Map.entry("00:14:4f:fa", "Oracle VM Server for SPARC"),
          Map.entry("00:14:4f:fb", "Oracle VM Server for SPARC"));

  /**
   * Addresses (or prefixes) that every installation of some adapter reports, prefix → adapter.
   * Sources: glpi-project/glpi {@code src/Blacklist.php} {@code getDefaults()} (the MAC list GLPI
   * ships to stop exactly these false merges); RFC 5798 §7.3 (VRRP virtual router MACs
   * 00-00-5E-00-01-{VRID} and 00-00-5E-00-02-{VRID}); RFC 2281 §5.1 (HSRP 0000.0C07.ACxx); the
   * Cisco AnyConnect and Apple T2 addresses as they recur unchanged across machines in public
   * inventory dumps (Ansible and Facter facts; NixOS T2 Mac support renames the latter "t2_ncm").
   */
  static final Map<String, String> SHARED =
      Map.ofEntries(
          Map.entry("00:05:9a:3c:7a:00", "Cisco AnyConnect virtual adapter"),
          Map.entry("ac:de:48:00:11:22", "Apple T2 / Touch Bar internal interface"),
          Map.entry("20:41:53:59:4e:ff", "Windows RAS async adapter"),
          Map.entry("24:b6:20:52:41:53", "Windows RAS adapter"),
          Map.entry("50:50:54:50:30:30", "Windows WAN Miniport (PPTP)"),
          Map.entry("33:50:6f:45:30:30", "Windows WAN Miniport (PPPoE)"),
          Map.entry("02:00:4e:43:50:49", "NCP Secure Client virtual adapter"),
          Map.entry("00:a0:c6:00:00:00", "Qualcomm Gobi mobile broadband adapter"),
          Map.entry("02:80:37:ec:02:00", "Dell Wireless 5530 mobile broadband adapter"),
          Map.entry("e2:e6:16:20:0a:35", "FireWire (IP over 1394) adapter"),
          Map.entry("d2:0a:2d:a0:04:be", "FireWire (IP over 1394) adapter"),
          Map.entry("d2:6b:25:2f:2c:e7", "FireWire (IP over 1394) adapter"),
          Map.entry("00:0b:ca:fe:00:00", "fixed adapter address (GLPI default list)"),
          Map.entry("fe:ff:ff:ff:ff:ff", "Xen dom0 virtual interface"),
          Map.entry("00:50:56:c0:00", "VMware host-side vmnet adapter"),
          Map.entry("0a:00:27:00:00", "VirtualBox host-only adapter"),
          Map.entry("00:00:5e:00:01", "VRRP virtual router"),
          Map.entry("00:00:5e:00:02", "VRRP virtual router"),
          Map.entry("00:00:0c:07:ac", "Cisco HSRP virtual router"));

  private KnownMacs() {}
}
