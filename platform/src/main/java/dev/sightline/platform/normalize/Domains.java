package dev.sightline.platform.normalize;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DNS / Active Directory domain names in one spelling, so that "CORP.Example.COM." from one vendor
 * and "corp.example.com" from another compare equal, and so that defaults which many unrelated
 * machines share never act as a correlation key.
 */
public final class Domains {
  /**
   * Values that mean "no domain". Each is shared by machines that have nothing in common, so
   * keeping them would let hostname + domain merge strangers:
   *
   * <ul>
   *   <li>"WORKGROUP" / "MSHOME": the Windows default workgroup names (Cortex XDR reports {@code
   *       domain: "WORKGROUP"} for non-domain machines, vendors/cortex-xdr.md §2.2);
   *   <li>"localdomain", "(none)": Linux defaults ({@code localhost.localdomain} in /etc/hosts,
   *       {@code domainname} prints "(none)" when unset);
   *   <li>"local": the mDNS pseudo-domain (RFC 6762); "lan", "home", "home.arpa" (RFC 8375): home
   *       router defaults;
   *   <li>the usual empty-value spellings.
   * </ul>
   */
  private static final Set<String> NO_DOMAIN =
      Set.of(
          "workgroup",
          "mshome",
          "localdomain",
          "(none)",
          "none",
          "null",
          "unknown",
          "n/a",
          "na",
          "-",
          "localhost",
          "local",
          "lan",
          "home",
          "home.arpa");

  /** Letters, digits, hyphen and underscore (AD allows it) per label; dots between labels. */
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

  private Domains() {}

  /** Lower-case, no leading or trailing dots; empty for placeholders, IPs and malformed names. */
  public static Optional<String> canonical(String raw) {
    return RawText.clean(raw)
        .map(RawText::lower)
        .map(Domains::trimDots)
        .filter(d -> !d.isEmpty())
        .filter(d -> !NO_DOMAIN.contains(d))
        .filter(d -> DOMAIN.matcher(d).matches())
        .filter(d -> IpAddresses.parse(d).isEmpty());
  }

  static String trimDots(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '.') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(start, end);
  }
}
