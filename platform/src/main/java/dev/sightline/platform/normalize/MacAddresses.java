package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.Optional;

/**
 * Parses MAC addresses in every vendor spelling and flags the ones that cannot identify a machine.
 * CrowdStrike devices send "08-00-27-51-56-d8" and Discover "00-50-56-93-D7-C1"
 * (vendors/crowdstrike.md §3), Cortex XDR sends "00:0d:3a:e0:29:78" (vendors/cortex-xdr.md §2.2),
 * network gear prints "0050.5693.d7c1".
 *
 * <p>Weak, checked in this order so that the reason is the most specific one:
 *
 * <ol>
 *   <li>"all-zero" and "broadcast" (ff:ff:ff:ff:ff:ff): not an interface address at all;
 *   <li>"shared-address: …": fixed addresses that every installation of some adapter reports
 *       ({@link KnownMacs#SHARED});
 *   <li>"multicast": the I/G bit (bit 0 of the first octet) is set, IEEE 802-2014 §8.2;
 *   <li>"virtual-nic: …": the OUI or prefix of a hypervisor or container runtime ({@link
 *       KnownMacs#VIRTUAL}); clones, templates and re-created VMs repeat these, and Docker derives
 *       its MACs from container IPs that every Docker host reuses;
 *   <li>"locally-administered": the U/L bit (bit 1) is set — randomized Wi-Fi addresses (iOS,
 *       Android, Windows, macOS), cloud NICs (AWS 02:…/06:…, GCP 42:01:…), VPN and bridge
 *       interfaces; nobody guarantees their uniqueness.
 * </ol>
 */
public final class MacAddresses {
  static final String ALL_ZERO = "all-zero";
  static final String BROADCAST = "broadcast";
  static final String MULTICAST = "multicast";
  static final String LOCALLY_ADMINISTERED = "locally-administered";
  static final String VIRTUAL_PREFIX = "virtual-nic: ";
  static final String SHARED_PREFIX = "shared-address: ";

  private MacAddresses() {}

  /**
   * Accepts "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff" (one or two digits per group, as BSD {@code
   * arp} prints them), "aabb.ccdd.eeff" and "AABBCCDDEEFF"; anything else gives empty.
   */
  public static Optional<Mac> parse(String raw) {
    return RawText.clean(raw)
        .map(RawText::lower)
        .flatMap(MacAddresses::octets)
        .map(MacAddresses::classify);
  }

  private static Optional<int[]> octets(String s) {
    if (s.indexOf('.') >= 0) {
      String[] parts = s.split("\\.", -1);
      return parts.length == 3 && allHex(parts, 4, 4)
          ? Optional.of(bytes(String.join("", parts)))
          : Optional.empty();
    }
    boolean colon = s.indexOf(':') >= 0;
    boolean dash = s.indexOf('-') >= 0;
    if (colon && dash) {
      return Optional.empty();
    }
    if (!colon && !dash) {
      return s.length() == 12 && allHex(new String[] {s}, 12, 12)
          ? Optional.of(bytes(s))
          : Optional.empty();
    }
    String[] parts = s.split(colon ? ":" : "-", -1);
    if (parts.length != 6 || !allHex(parts, 1, 2)) {
      return Optional.empty();
    }
    int[] out = new int[6];
    for (int i = 0; i < 6; i++) {
      out[i] = Integer.parseInt(parts[i], 16);
    }
    return Optional.of(out);
  }

  private static boolean allHex(String[] parts, int minLength, int maxLength) {
    for (String p : parts) {
      if (p.length() < minLength || p.length() > maxLength) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
    }
    return true;
  }

  private static int[] bytes(String twelveHex) {
    int[] out = new int[6];
    for (int i = 0; i < 6; i++) {
      out[i] = Integer.parseInt(twelveHex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static Mac classify(int[] o) {
    StringBuilder text = new StringBuilder(17);
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        text.append(':');
      }
      text.append(Character.forDigit(o[i] >> 4, 16)).append(Character.forDigit(o[i] & 0xf, 16));
    }
    String canonical = text.toString();
    Optional<String> reason = weakness(canonical, o);
    return new Mac(canonical, reason.isPresent(), reason);
  }

  private static Optional<String> weakness(String mac, int[] o) {
    if (mac.equals("00:00:00:00:00:00")) {
      return Optional.of(ALL_ZERO);
    }
    if (mac.equals("ff:ff:ff:ff:ff:ff")) {
      return Optional.of(BROADCAST);
    }
    Optional<String> shared = longestPrefix(KnownMacs.SHARED, mac);
    if (shared.isPresent()) {
      return shared.map(label -> SHARED_PREFIX + label);
    }
    if ((o[0] & 0x01) != 0) {
      return Optional.of(MULTICAST);
    }
    Optional<String> virtual = longestPrefix(KnownMacs.VIRTUAL, mac);
    if (virtual.isPresent()) {
      return virtual.map(vendor -> VIRTUAL_PREFIX + vendor);
    }
    if ((o[0] & 0x02) != 0) {
      return Optional.of(LOCALLY_ADMINISTERED);
    }
    return Optional.empty();
  }

  private static Optional<String> longestPrefix(Map<String, String> table, String mac) {
    String best = null;
    for (String prefix : table.keySet()) {
      if (mac.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return Optional.ofNullable(best).map(table::get);
  }
}
