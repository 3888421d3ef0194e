package dev.sightline.connector.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts reached directly although a proxy is set, read as curl reads {@code NO_PROXY}: entries
 * separated by commas (or spaces); {@code *} alone bypasses every host; a host name matches itself
 * and every name below it ({@code example.com} and {@code .example.com} both match {@code
 * example.com} and {@code api.example.com}, not {@code badexample.com}); an IP address or a CIDR
 * range ({@code 10.0.0.0/8}, {@code fd00::/8}) matches a target given as an IP address. Names are
 * never resolved to compare them. An empty value bypasses nothing. Immutable.
 */
public final class NoProxy {
  /** Bypasses nothing. */
  public static final NoProxy NONE = new NoProxy(false, List.of(), List.of(), "");

  private final boolean everything;
  private final List<String> names;
  private final List<Range> ranges;
  private final String text;

  private NoProxy(boolean everything, List<String> names, List<Range> ranges, String text) {
    this.everything = everything;
    this.names = List.copyOf(names);
    this.ranges = List.copyOf(ranges);
    this.text = text;
  }

  public static NoProxy parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    boolean everything = false;
    List<String> names = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String raw : value.split("[,\\s]+")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      kept.add(entry);
      if (entry.equals("*")) {
        everything = true;
        continue;
      }
      Optional<Range> range = Range.parse(entry);
      if (range.isPresent()) {
        ranges.add(range.get());
        continue;
      }
      String name = hostOnly(entry);
      while (name.startsWith(".")) {
        name = name.substring(1);
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return new NoProxy(everything, names, ranges, String.join(",", kept));
  }

  /** Whether calls to this host (a name or an IP literal, brackets allowed) go direct. */
  public boolean bypasses(String host) {
    if (everything) {
      return true;
    }
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    Optional<byte[]> address = literal(h);
    if (address.isPresent()) {
      for (Range range : ranges) {
        if (range.contains(address.get())) {
          return true;
        }
      }
      return false;
    }
    for (String name : names) {
      if (h.equals(name) || h.endsWith("." + name)) {
        return true;
      }
    }
    return false;
  }

  /** The entries as read, comma-separated; "" for none. */
  @Override
  public String toString() {
    return text;
  }

  /** An entry with a port ({@code host:8080}) names the host; the port is not compared. */
  private static String hostOnly(String entry) {
    int colon = entry.lastIndexOf(':');
    return colon > 0 && entry.indexOf(':') == colon ? entry.substring(0, colon) : entry;
  }

  /**
   * The address of an IPv4 or IPv6 literal; empty for a host name. Only literals reach InetAddress,
   * so nothing is ever looked up in DNS.
   */
  static Optional<byte[]> literal(String host) {
    boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = host.contains(":") && host.matches("[0-9a-f:.]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(host).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An IP address with a prefix length: a single address is its own /32 (or /128). */
  private record Range(byte[] network, int bits) {
    static Optional<Range> parse(String entry) {
      String address = entry;
      int slash = entry.indexOf('/');
      Integer bits = null;
      if (slash >= 0) {
        address = entry.substring(0, slash);
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      if (address.startsWith("[") && address.endsWith("]")) {
        address = address.substring(1, address.length() - 1);
      }
      Optional<byte[]> bytes = literal(address);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      int max = bytes.get().length * 8;
      int prefix = bits == null ? max : bits;
      if (prefix < 0 || prefix > max) {
        return Optional.empty();
      }
      return Optional.of(new Range(bytes.get(), prefix));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      if (bits == 0) {
        return true;
      }
      int shift = network.length * 8 - bits;
      return new BigInteger(1, address)
          .shiftRight(shift)
          .equals(new BigInteger(1, network).shiftRight(shift));
    }
  }
}
