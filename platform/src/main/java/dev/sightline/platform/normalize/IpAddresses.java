package dev.sightline.platform.normalize;

import java.util.Optional;

/**
 * Parses IP address literals into canonical text and flags the ranges that say nothing about where
 * a host is. Parsing is purely textual: a host name is refused, never resolved, so normalization
 * can neither block on DNS nor leak asset names to a resolver.
 *
 * <p>Ranges from the IANA special-purpose registries (RFC 6890 and its updates): RFC 1122 (0/8,
 * 127/8), RFC 3927 (169.254/16), RFC 5771 (224/4), RFC 919 (255.255.255.255), RFC 1112 (240/4), RFC
 * 5737 (documentation), RFC 2544 (198.18/15); RFC 4291 (::, ::1, fe80::/10, ff00::/8), RFC 3879
 * (fec0::/10), RFC 6666 (100::/64), RFC 3849 and RFC 9637 (2001:db8::/32, 3fff::/20).
 *
 * <p>Carrier-grade NAT space (100.64.0.0/10, RFC 6598) is deliberately <em>not</em> weak: like RFC
 * 1918 space it is a real, if shared, network location (Tailscale and carrier networks hand such
 * addresses to hosts), and no IP is an identity anyway.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /**
   * Accepts "10.0.0.4", "2001:DB8::1", "[fe80::1%eth0]", "::ffff:10.0.0.4" (becomes IPv4) and a
   * trailing prefix length ("10.0.0.4/24", the prefix is dropped). Anything else — names, ports,
   * octets with leading zeros (ambiguous octal, see CVE-2021-29921) — gives empty.
   */
  public static Optional<Ip> parse(String raw) {
    Optional<String> text = RawText.clean(raw).flatMap(IpAddresses::stripDecorations);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String literal = text.get();
    if (literal.indexOf(':') >= 0) {
      return parseV6(literal).map(IpAddresses::fromV6);
    }
    return parseV4(literal).map(IpAddresses::fromV4);
  }

  /** Brackets, zone id and prefix length are notation around the address, not part of it. */
  private static Optional<String> stripDecorations(String text) {
    if (text.indexOf(' ') >= 0) {
      return Optional.empty();
    }
    String s = text;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      int maxPrefix = s.indexOf(':') >= 0 ? 128 : 32;
      if (!isPrefixLength(s.substring(slash + 1), maxPrefix)) {
        return Optional.empty();
      }
      s = s.substring(0, slash);
    }
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (s.indexOf(':') < 0 || zone == s.length() - 1) {
        return Optional.empty(); // zone ids exist for IPv6 only
      }
      s = s.substring(0, zone);
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static boolean isPrefixLength(String s, int max) {
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return Integer.parseInt(s) <= max;
  }

  /** Strict dotted quad: four decimal octets 0–255, no leading zeros. */
  static Optional<int[]> parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return Optional.empty();
      }
      octets[i] = Integer.parseInt(p);
      if (octets[i] > 255) {
        return Optional.empty();
      }
    }
    return Optional.of(octets);
  }

  /** RFC 4291 §2.2 text forms, including "::" and a dotted-quad tail; eight 16-bit groups. */
  static Optional<int[]> parseV6(String text) {
    String s = RawText.lower(text);
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    Optional<int[]> head = groups(gap >= 0 ? s.substring(0, gap) : s, gap < 0);
    Optional<int[]> tail = gap >= 0 ? groups(s.substring(gap + 2), true) : Optional.of(new int[0]);
    if (head.isEmpty() || tail.isEmpty()) {
      return Optional.empty();
    }
    int known = head.get().length + tail.get().length;
    if (gap < 0 ? known != 8 : known > 7) {
      return Optional.empty();
    }
    int[] all = new int[8];
    System.arraycopy(head.get(), 0, all, 0, head.get().length);
    System.arraycopy(tail.get(), 0, all, 8 - tail.get().length, tail.get().length);
    return Optional.of(all);
  }

  /** Colon-separated hex groups; the last may be a dotted quad when {@code mayEndInV4}. */
  private static Optional<int[]> groups(String s, boolean mayEndInV4) {
    if (s.isEmpty()) {
      return Optional.of(new int[0]);
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length + 1];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && mayEndInV4 && p.indexOf('.') >= 0) {
        Optional<int[]> v4 = parseV4(p);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        out[n++] = v4.get()[0] << 8 | v4.get()[1];
        out[n++] = v4.get()[2] << 8 | v4.get()[3];
      } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpAddresses::isHex)) {
        return Optional.empty();
      } else {
        out[n++] = Integer.parseInt(p, 16);
      }
    }
    int[] trimmed = new int[n];
    System.arraycopy(out, 0, trimmed, 0, n);
    return Optional.of(trimmed);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static Ip fromV4(int[] o) {
    String text = o[0] + "." + o[1] + "." + o[2] + "." + o[3];
    Optional<String> reason = SpecialRanges.v4(o);
    return new Ip(text, 4, reason.isPresent(), reason);
  }

  private static Ip fromV6(int[] g) {
    if (isV4Mapped(g)) {
      return fromV4(new int[] {g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff});
    }
    Optional<String> reason = SpecialRanges.v6(g);
    return new Ip(formatV6(g), 6, reason.isPresent(), reason);
  }

  /** ::ffff:a.b.c.d is an IPv4 host seen through a dual-stack socket; it is that IPv4 address. */
  private static boolean isV4Mapped(int[] g) {
    return g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
  }

  /**
   * RFC 5952 §4: lower-case hex without leading zeros; the longest run of two or more zero groups
   * (the first on a tie) becomes "::"; a single zero group stays "0".
   */
  static String formatV6(int[] g) {
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
