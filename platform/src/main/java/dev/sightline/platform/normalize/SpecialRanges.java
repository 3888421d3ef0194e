package dev.sightline.platform.normalize;

import java.util.Optional;

/**
 * The special-purpose ranges that make an address weak, with the reason text shown to users.
 * Source: IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890), per-range RFCs cited in
 * {@link IpAddresses}.
 */
final class SpecialRanges {
  static final String UNSPECIFIED = "unspecified";
  static final String THIS_NETWORK = "this-network";
  static final String LOOPBACK = "loopback";
  static final String LINK_LOCAL = "link-local";
  static final String MULTICAST = "multicast";
  static final String BROADCAST = "broadcast";
  static final String RESERVED = "reserved";
  static final String DOCUMENTATION = "documentation";
  static final String BENCHMARKING = "benchmarking";
  static final String SITE_LOCAL = "deprecated-site-local";
  static final String DISCARD = "discard-only";

  private SpecialRanges() {}

  static Optional<String> v4(int[] o) {
    if (o[0] == 0) {
      boolean allZero = o[1] == 0 && o[2] == 0 && o[3] == 0;
      return Optional.of(allZero ? UNSPECIFIED : THIS_NETWORK);
    }
    if (o[0] == 127) {
      return Optional.of(LOOPBACK);
    }
    if (o[0] == 169 && o[1] == 254) {
      return Optional.of(LINK_LOCAL);
    }
    if (o[0] >= 224 && o[0] <= 239) {
      return Optional.of(MULTICAST);
    }
    if (o[0] == 255 && o[1] == 255 && o[2] == 255 && o[3] == 255) {
      return Optional.of(BROADCAST);
    }
    if (o[0] >= 240) {
      return Optional.of(RESERVED);
    }
    if ((o[0] == 192 && o[1] == 0 && o[2] == 2)
        || (o[0] == 198 && o[1] == 51 && o[2] == 100)
        || (o[0] == 203 && o[1] == 0 && o[2] == 113)) {
      return Optional.of(DOCUMENTATION);
    }
    if (o[0] == 198 && (o[1] == 18 || o[1] == 19)) {
      return Optional.of(BENCHMARKING);
    }
    return Optional.empty();
  }

  static Optional<String> v6(int[] g) {
    boolean firstSevenZero =
        g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0 && g[6] == 0;
    if (firstSevenZero && g[7] == 0) {
      return Optional.of(UNSPECIFIED);
    }
    if (firstSevenZero && g[7] == 1) {
      return Optional.of(LOOPBACK);
    }
    if ((g[0] & 0xffc0) == 0xfe80) {
      return Optional.of(LINK_LOCAL);
    }
    if ((g[0] & 0xffc0) == 0xfec0) {
      return Optional.of(SITE_LOCAL);
    }
    if ((g[0] & 0xff00) == 0xff00) {
      return Optional.of(MULTICAST);
    }
    if ((g[0] == 0x2001 && g[1] == 0x0db8) || (g[0] == 0x3fff && (g[1] & 0xf000) == 0)) {
      return Optional.of(DOCUMENTATION);
    }
    if (g[0] == 0x0100 && g[1] == 0 && g[2] == 0 && g[3] == 0) {
      return Optional.of(DISCARD);
    }
    return Optional.empty();
  }
}
