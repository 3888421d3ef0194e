package dev.sightline.simulators.fleet;

import java.util.Objects;

/**
 * One network interface. The MAC is kept as a 48-bit number so each vendor can print it its own way
 * (CrowdStrike Discover: {@code 00-50-56-93-D7-C1}; Devices API: {@code 02-c7-57-85-0a-7f}).
 *
 * @param virtualAdapter true for hypervisor or container adapters (VMware 00-50-56, Docker 02-42,
 *     Hyper-V 00-15-5D) whose MACs say little about the physical machine
 */
public record NetworkInterface(
    String alias,
    String description,
    long mac,
    int ipv4,
    int prefixLength,
    boolean virtualAdapter) {

  public NetworkInterface {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(description, "description");
    if ((mac >>> 48) != 0) {
      throw new IllegalArgumentException("MAC must fit 48 bits");
    }
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefixLength out of range: " + prefixLength);
    }
  }

  /** The MAC as six two-digit hex groups joined by {@code separator}. */
  public String macAddress(char separator, boolean upperCase) {
    String digits = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
    StringBuilder sb = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      if (sb.length() > 0) {
        sb.append(separator);
      }
      int octet = (int) ((mac >>> shift) & 0xFF);
      sb.append(digits.charAt(octet >>> 4)).append(digits.charAt(octet & 0xF));
    }
    return sb.toString();
  }

  public String ipv4Address() {
    return dotted(ipv4);
  }

  public String networkAddress() {
    int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    return dotted(ipv4 & mask);
  }

  static String dotted(int ip) {
    return ((ip >>> 24) & 0xFF)
        + "."
        + ((ip >>> 16) & 0xFF)
        + "."
        + ((ip >>> 8) & 0xFF)
        + "."
        + (ip & 0xFF);
  }
}
