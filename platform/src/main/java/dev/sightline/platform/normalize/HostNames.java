package dev.sightline.platform.normalize;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names in one spelling: lower case, no trailing dot, short name and FQDN kept apart.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>A NetBIOS form "CORP\ws-01" gives the host "ws-01"; "CORP" serves as the domain when no
 *       better one is known. A machine-account "$" suffix ("WS-01$") is dropped.
 *   <li>Placeholders ("localhost", "unknown", "(none)" …) and IP literals give empty: they name no
 *       machine. A name whose first four labels are an IPv4 address ("10.1.2.3.example.net",
 *       reverse-DNS style) is an IP in disguise and gives empty too — an IP is never split into
 *       labels.
 *   <li>AWS-style "ip-10.0.0.4…" (seen in Cortex XDR fixtures, vendors/samples/cortex-xdr) is
 *       rewritten to the EC2 spelling "ip-10-0-0-4" so the address stays one label.
 *   <li>The short name is the first label. The domain is the name's own suffix when it is a real
 *       domain, else the separately reported domain, else the NetBIOS prefix — the name's own
 *       suffix wins because it is what DNS actually says.
 *   <li>An FQDN is built only when the domain is dotted; "ws-01.corp" from a NetBIOS domain would
 *       look like DNS and is not.
 * </ol>
 */
public final class HostNames {
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "localhost",
          "localhost6",
          "ip6-localhost",
          "unknown",
          "(none)",
          "none",
          "null",
          "n/a",
          "na",
          "-",
          "(null)",
          "undefined");

  private static final Pattern AWS_DOTTED =
      Pattern.compile("ip-(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(\\..*)?");
  private static final Pattern LEADING_QUAD =
      Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(\\..*)?");
  private static final Pattern DASHED_QUAD =
      Pattern.compile("(?:^|-)(\\d{1,3})-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})(?=$|-)");

  private HostNames() {}

  /** See the class comment; empty when no usable host name is left. */
  public static Optional<HostName> parse(String rawHostname, String rawDomainOrNull) {
    Optional<String> cleaned = RawText.clean(rawHostname).map(RawText::lower);
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    String name = cleaned.get();
    int backslash = name.lastIndexOf('\\');
    Optional<String> netbiosDomain =
        backslash >= 0 ? Domains.canonical(name.substring(0, backslash)) : Optional.empty();
    name = name.substring(backslash + 1);
    if (name.endsWith("$")) {
      name = name.substring(0, name.length() - 1);
    }
    name = Domains.trimDots(name.strip());
    if (name.isEmpty() || IpAddresses.parse(name).isPresent() || isDisguisedIp(name)) {
      return Optional.empty();
    }
    name = awsDottedToDashed(name);

    String[] labels =
        Arrays.stream(name.split("\\.")).filter(l -> !l.isEmpty()).toArray(String[]::new);
    String shortName = labels[0];
    if (PLACEHOLDERS.contains(shortName)) {
      return Optional.empty();
    }
    Optional<String> ownSuffix =
        labels.length > 1
            ? Domains.canonical(String.join(".", Arrays.copyOfRange(labels, 1, labels.length)))
            : Optional.empty();
    Optional<String> domain =
        ownSuffix.or(() -> Domains.canonical(rawDomainOrNull)).or(() -> netbiosDomain);
    Optional<String> fqdn = domain.filter(d -> d.indexOf('.') >= 0).map(d -> shortName + "." + d);
    return Optional.of(new HostName(shortName, fqdn, domain));
  }

  private static boolean isDisguisedIp(String name) {
    Matcher m = LEADING_QUAD.matcher(name);
    return m.matches() && IpAddresses.parseV4(m.group(1)).isPresent();
  }

  private static String awsDottedToDashed(String name) {
    Matcher m = AWS_DOTTED.matcher(name);
    if (!m.matches() || IpAddresses.parseV4(m.group(1)).isEmpty()) {
      return name;
    }
    String rest = m.group(2) == null ? "" : m.group(2);
    return "ip-" + m.group(1).replace('.', '-') + rest;
  }

  /** Four dash-separated valid octets as whole tokens: "ip-10-0-0-4", "ec2-54-89-138-42". */
  static boolean spellsAnIpv4Address(String shortName) {
    Matcher m = DASHED_QUAD.matcher(shortName);
    while (m.find()) {
      String quad = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
      if (IpAddresses.parseV4(quad).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
