package dev.sightline.server.boot;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SIGHTLINE_TRUSTED_PROXIES: the addresses (IPs or CIDR ranges, comma or space separated) whose
 * {@code Forwarded} and {@code X-Forwarded-*} headers are believed. None by default: anyone can
 * write those headers, so only a reverse proxy the operator names may say what the public address
 * is.
 */
public final class TrustedProxies {
  static final String SETTING = "SIGHTLINE_TRUSTED_PROXIES";
  // Only literal addresses: a host name here would make every request wait on a DNS lookup.
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** Parses the list; a malformed entry fails the start with the entry named. */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : list.trim().split("[,\\s]+")) {
      if (!entry.isEmpty()) {
        ranges.add(range(entry));
      }
    }
    return new TrustedProxies(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether a peer at this address (as the servlet container gives it) is a trusted proxy. */
  public boolean contains(String address) {
    if (ranges.isEmpty() || address == null || !LITERAL.matcher(address).matches()) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    return ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  private static Range range(String entry) {
    String[] parts = entry.split("/", -1);
    if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
      throw invalid(entry);
    }
    byte[] address;
    try {
      address = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(entry);
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw invalid(entry);
      }
      if (prefix < 0 || prefix > bits) {
        throw invalid(entry);
      }
    }
    return new Range(address, prefix);
  }

  private static StartupException invalid(String entry) {
    return new StartupException(
        SETTING + " holds '" + entry + "', which is not an IP address or CIDR range",
        "list the reverse proxies' addresses, e.g. 127.0.0.1, 10.0.0.0/8 or ::1, comma separated",
        null);
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  private record Range(byte[] address, int prefix) {
    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      int bits = address.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, address).and(mask));
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
      } catch (UnknownHostException e) {
        return "?/" + prefix;
      }
    }
  }
}
