package dev.sightline.platform.normalize;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux distributions and the other products sensors report, each as its vendor's own product name.
 * Spellings come from what the agents print: CrowdStrike {@code os_version} ("RHEL 8.6", "Amazon
 * Linux 2", "Ubuntu 22.04"), Cortex XDR {@code operating_system} ("Ubuntu 22.04"), /etc/os-release
 * {@code PRETTY_NAME} ("Debian GNU/Linux 11 (bullseye)", "Red Hat Enterprise Linux Server release
 * 7.9 (Maipo)", "SUSE Linux Enterprise Server 15 SP4").
 */
final class OsProducts {
  private record Product(Pattern prefix, String name, String family) {}

  private static final List<Product> PRODUCTS =
      List.of(
          linux(
              "red\\s*hat\\s+enterprise\\s+linux(?:\\s+(?:server|workstation|desktop))?"
                  + "(?:\\s+release)?|rhel",
              "Red Hat Enterprise Linux"),
          linux("centos\\s+stream", "CentOS Stream"),
          linux("centos(?:\\s+linux)?(?:\\s+release)?", "CentOS"),
          linux("ubuntu(?:\\s+server)?", "Ubuntu"),
          linux("debian(?:\\s+gnu/linux)?", "Debian"),
          linux("amazon\\s+linux(?:\\s+ami)?|amzn", "Amazon Linux"),
          linux(
              "suse\\s+linux\\s+enterprise\\s+server(?:\\s+for\\s+sap(?:\\s+applications)?)?"
                  + "|sles(?:\\s+for\\s+sap)?",
              "SUSE Linux Enterprise Server"),
          linux("suse\\s+linux\\s+enterprise\\s+desktop|sled", "SUSE Linux Enterprise Desktop"),
          linux("opensuse\\s+leap", "openSUSE Leap"),
          linux("opensuse\\s+tumbleweed", "openSUSE Tumbleweed"),
          linux("oracle\\s+linux(?:\\s+server)?(?:\\s+release)?", "Oracle Linux"),
          linux("rocky(?:\\s+linux)?", "Rocky Linux"),
          linux("alma\\s*linux", "AlmaLinux"),
          linux("fedora(?:\\s+linux)?(?:\\s+release)?", "Fedora"),
          linux("linux\\s+mint", "Linux Mint"),
          linux("kali(?:\\s+gnu/linux)?(?:\\s+linux)?", "Kali Linux"),
          linux("alpine(?:\\s+linux)?", "Alpine Linux"),
          linux("arch\\s+linux", "Arch Linux"),
          other("android", "Android"),
          other("ipados", "iPadOS"),
          other("ios|iphone\\s+os", "iOS"),
          other("chrome\\s*os|chromium\\s*os", "ChromeOS"));

  /** "8.6", "22.04.3", "2018.03", "15 SP4" (SUSE service packs kept as SUSE writes them). */
  private static final Pattern VERSION =
      Pattern.compile("(?i)(?<![0-9.])(\\d+(?:\\.\\d+)*)(?:\\s*-?\\s*sp\\s*(\\d+))?");

  private static final Pattern MENTIONS_LINUX = Pattern.compile("(?i)(?<![a-z])linux(?![a-z])");

  private OsProducts() {}

  static Optional<OperatingSystem> parse(String text) {
    for (Product product : PRODUCTS) {
      Matcher m = product.prefix().matcher(text);
      if (m.lookingAt()) {
        Optional<String> version = versionIn(text.substring(m.end()));
        return Optional.of(new OperatingSystem(product.name(), version, product.family()));
      }
    }
    if (MENTIONS_LINUX.matcher(text).find()) {
      return Optional.of(new OperatingSystem(text, Optional.empty(), OperatingSystem.LINUX));
    }
    return Optional.empty();
  }

  private static Optional<String> versionIn(String rest) {
    Matcher m = VERSION.matcher(rest);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2) == null ? m.group(1) : m.group(1) + " SP" + m.group(2));
  }

  private static Product linux(String prefix, String name) {
    return new Product(word(prefix), name, OperatingSystem.LINUX);
  }

  private static Product other(String prefix, String name) {
    return new Product(word(prefix), name, OperatingSystem.OTHER);
  }

  /** Case-insensitive, anchored at the start, and not the beginning of a longer word. */
  private static Pattern word(String prefix) {
    return Pattern.compile("(?i)(?:" + prefix + ")(?![a-z])\\s*");
  }
}
