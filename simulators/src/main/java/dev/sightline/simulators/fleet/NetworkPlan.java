package dev.sightline.simulators.fleet;

import java.util.ArrayList;
import java.util.List;

/** Network adapters per kind of machine, with vendor OUIs and the virtual-adapter traps. */
final class NetworkPlan {
  private static final long DELL = 0xD481D7L;
  private static final long LENOVO = 0x54EE75L;
  private static final long HP = 0x3C5282L;
  private static final long BROADCOM = 0x000AF7L;
  private static final long APPLE = 0xF01898L;
  private static final long INTEL_WIFI = 0x8C8D28L;
  private static final long REALTEK = 0x00E04CL;
  private static final long VMWARE = 0x005056L;
  private static final long HYPERV = 0x00155DL;
  private static final long GCP = 0x42010AL;

  /** Docker bridges reuse one address on every host: a correlation trap on purpose. */
  private static final int DOCKER_BRIDGE_IP = ip(172, 17, 0, 1);

  private NetworkPlan() {}

  static List<NetworkInterface> draw(MachineProfile p, Hardware hw, SeededDraws d) {
    List<NetworkInterface> out = new ArrayList<>(3);
    boolean windows = p.family() == OsFamily.WINDOWS;
    switch (p.deployment()) {
      case VMWARE ->
          out.add(
              new NetworkInterface(
                  windows ? "Ethernet0" : "ens192",
                  windows ? "vmxnet3 Ethernet Adapter" : "VMware VMXNET3 Ethernet Controller",
                  mac(VMWARE, d),
                  siteIp(p, d),
                  24,
                  true));
      case HYPERV ->
          out.add(
              new NetworkInterface(
                  windows ? "Ethernet" : "eth0",
                  "Microsoft Hyper-V Network Adapter",
                  mac(HYPERV, d),
                  siteIp(p, d),
                  24,
                  true));
      case AWS ->
          out.add(
              new NetworkInterface(
                  windows ? "Ethernet" : "ens5",
                  "Amazon Elastic Network Adapter",
                  awsMac(d),
                  ip(172, 31, d.nextInt(96), d.between(4, 250)),
                  20,
                  false));
      case AZURE ->
          out.add(
              new NetworkInterface(
                  windows ? "Ethernet" : "eth0",
                  "Microsoft Hyper-V Network Adapter",
                  mac(d.chance(0.5) ? 0x002248L : 0x000D3AL, d),
                  ip(10, 1, d.nextInt(16), d.between(4, 250)),
                  24,
                  false));
      case GCP ->
          out.add(
              new NetworkInterface(
                  windows ? "Ethernet" : "ens4",
                  "Google VirtIO Ethernet Adapter",
                  (GCP << 24) | (0x80L << 16) | (d.nextLong() & 0xFFFFL),
                  ip(10, 128, d.nextInt(16), d.between(2, 250)),
                  20,
                  false));
      case WHITEBOX ->
          out.add(
              new NetworkInterface(
                  "Ethernet",
                  "Realtek PCIe GbE Family Controller",
                  mac(REALTEK, d),
                  siteIp(p, d),
                  24,
                  false));
      case PHYSICAL -> physical(p, hw, d, out);
    }
    if (p.family() == OsFamily.LINUX && d.chance(0.35)) {
      out.add(
          new NetworkInterface(
              "docker0",
              "Docker bridge",
              (0x0242L << 32) | (d.nextLong() & 0xFFFFFFFFL),
              DOCKER_BRIDGE_IP,
              16,
              true));
    }
    return out;
  }

  private static void physical(
      MachineProfile p, Hardware hw, SeededDraws d, List<NetworkInterface> out) {
    long vendorOui =
        hw.manufacturer().startsWith("Dell")
            ? DELL
            : hw.manufacturer().startsWith("LENOVO") || hw.manufacturer().startsWith("Lenovo")
                ? LENOVO
                : hw.manufacturer().startsWith("HP") ? HP : BROADCOM;
    switch (p.family()) {
      case MAC -> {
        out.add(new NetworkInterface("en0", "Wi-Fi", mac(APPLE, d), wifiIp(p, d), 22, false));
        if (d.chance(0.2)) {
          out.add(
              new NetworkInterface(
                  "en7", "USB 10/100/1000 LAN", mac(REALTEK, d), siteIp(p, d), 24, false));
        }
      }
      case LINUX ->
          out.add(
              new NetworkInterface(
                  p.role() == MachineRole.WORKSTATION ? "enp0s31f6" : "eno1",
                  "Intel Corporation Ethernet Connection I219-LM",
                  mac(vendorOui, d),
                  siteIp(p, d),
                  24,
                  false));
      case WINDOWS -> windowsPhysical(p, vendorOui, d, out);
    }
  }

  private static void windowsPhysical(
      MachineProfile p, long vendorOui, SeededDraws d, List<NetworkInterface> out) {
    if (p.formFactor() == FormFactor.SERVER) {
      out.add(
          new NetworkInterface(
              "Embedded NIC 1",
              "Broadcom NetXtreme Gigabit Ethernet",
              mac(BROADCOM, d),
              siteIp(p, d),
              24,
              false));
      out.add(
          new NetworkInterface(
              "Embedded NIC 2",
              "Broadcom NetXtreme Gigabit Ethernet #2",
              mac(BROADCOM, d),
              siteIp(p, d),
              24,
              false));
      return;
    }
    if (p.formFactor() == FormFactor.LAPTOP) {
      out.add(
          new NetworkInterface(
              "Wi-Fi",
              "Intel(R) Wi-Fi 6 AX201 160MHz",
              mac(INTEL_WIFI, d),
              wifiIp(p, d),
              22,
              false));
      if (d.chance(0.35)) {
        out.add(
            new NetworkInterface(
                "Ethernet",
                "Intel(R) Ethernet Connection (13) I219-LM",
                mac(vendorOui, d),
                siteIp(p, d),
                24,
                false));
      }
    } else {
      out.add(
          new NetworkInterface(
              "Ethernet",
              "Intel(R) Ethernet Connection I219-LM",
              mac(vendorOui, d),
              siteIp(p, d),
              24,
              false));
    }
    if (d.chance(0.10)) {
      out.add(
          new NetworkInterface(
              "vEthernet (Default Switch)",
              "Hyper-V Virtual Ethernet Adapter",
              mac(HYPERV, d),
              ip(172, 16 + d.nextInt(16), d.nextInt(256), 1),
              20,
              true));
    }
  }

  private static long mac(long oui, SeededDraws d) {
    return (oui << 24) | (d.nextLong() & 0xFFFFFFL);
  }

  /** AWS hands out locally administered unicast MACs (second hex digit 2, 6, A or E). */
  private static long awsMac(SeededDraws d) {
    long first = d.pick(0x02L, 0x06L, 0x0AL, 0x0EL);
    return (first << 40) | (d.nextLong() & 0xFFFFFFFFFFL);
  }

  private static int siteIp(MachineProfile p, SeededDraws d) {
    int octet = p.site().secondOctet() == 0 ? 60 : p.site().secondOctet();
    int vlan = p.role() == MachineRole.WORKSTATION ? d.between(1, 40) : d.between(100, 131);
    return ip(10, octet, vlan, d.between(10, 250));
  }

  private static int wifiIp(MachineProfile p, SeededDraws d) {
    return ip(10, p.site().secondOctet(), 64 + d.nextInt(64), d.between(2, 254));
  }

  static int ip(int a, int b, int c, int e) {
    return (a << 24) | (b << 16) | (c << 8) | e;
  }
}
