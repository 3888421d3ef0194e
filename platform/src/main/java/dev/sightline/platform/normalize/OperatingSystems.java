package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One name + version for an operating system, from whichever pair of fields a vendor offers:
 * CrowdStrike {@code os_version} ("Windows 11", "Windows Server 2019", "Ventura (13)", "RHEL 8.6")
 * with {@code os_build}; Cortex XDR {@code os_type} ("AGENT_OS_WINDOWS") with {@code
 * operating_system} ("Ubuntu 22.04") or {@code os_version} ("22.04.3").
 *
 * <p>How the two arguments are read:
 *
 * <ul>
 *   <li>When the name is only a family word ("AGENT_OS_WINDOWS", "Windows", "Mac", "linux") and the
 *       version reads as a product ("Windows 11 Pro 22H2", it starts with a letter), the version is
 *       parsed as the product; otherwise the family word is the product and the version its version
 *       ("AGENT_OS_LINUX" + "22.04.3" → "Linux" 22.04.3).
 *   <li>A product is parsed by {@link WindowsReleases}, {@link MacOsReleases}, {@link OsProducts};
 *       an unknown product keeps its text as the name, in the family the name suggested or Other.
 *   <li>The separate version refines the one in the product name when it extends it ("Ubuntu 22.04"
 *       + "22.04.3" → 22.04.3; "macOS Ventura (13)" + "13.4.1" → 13.4.1); otherwise the product
 *       name's version wins. Windows builds become feature releases (see {@link WindowsReleases}).
 * </ul>
 */
public final class OperatingSystems {
  /** Family words, compared in compact form (Cortex enums, CrowdStrike platform_name, filters). */
  private static final Map<String, OperatingSystem> FAMILY_WORDS =
      Map.ofEntries(
          Map.entry("AGENTOSWINDOWS", family("Windows", OperatingSystem.WINDOWS)),
          Map.entry("WINDOWS", family("Windows", OperatingSystem.WINDOWS)),
          Map.entry("AGENTOSMAC", family("macOS", OperatingSystem.MACOS)),
          Map.entry("AGENTOSMACOS", family("macOS", OperatingSystem.MACOS)),
          Map.entry("MAC", family("macOS", OperatingSystem.MACOS)),
          Map.entry("MACOS", family("macOS", OperatingSystem.MACOS)),
          Map.entry("OSX", family("macOS", OperatingSystem.MACOS)),
          Map.entry("DARWIN", family("macOS", OperatingSystem.MACOS)),
          Map.entry("AGENTOSLINUX", family("Linux", OperatingSystem.LINUX)),
          Map.entry("LINUX", family("Linux", OperatingSystem.LINUX)),
          Map.entry("AGENTOSANDROID", family("Android", OperatingSystem.OTHER)),
          Map.entry("ANDROID", family("Android", OperatingSystem.OTHER)),
          Map.entry("AGENTOSIOS", family("iOS", OperatingSystem.OTHER)),
          Map.entry("IOS", family("iOS", OperatingSystem.OTHER)));

  private static final Set<String> PLACEHOLDERS =
      Set.of("UNKNOWN", "NA", "NONE", "NULL", "OTHER", "UNDEFINED", "NOTAVAILABLE");

  private static final Pattern TRAILING_VERSION =
      Pattern.compile("(.*[^\\d.\\s])\\s+[vV]?(\\d+(?:\\.\\d+)*)");

  private OperatingSystems() {}

  public static Optional<OperatingSystem> normalize(String rawName, String rawVersionOrNull) {
    Optional<String> name = usable(rawName);
    Optional<String> version = usable(rawVersionOrNull);
    Optional<OperatingSystem> familyOnly = name.map(RawText::compactKey).map(FAMILY_WORDS::get);
    if (name.isPresent() && familyOnly.isEmpty()) {
      return Optional.of(product(name.get(), OperatingSystem.OTHER, version));
    }
    if (version.filter(OperatingSystems::readsAsProduct).isPresent()) {
      String family = familyOnly.map(OperatingSystem::family).orElse(OperatingSystem.OTHER);
      return Optional.of(product(version.get(), family, Optional.empty()));
    }
    return familyOnly.map(base -> withVersion(base, version));
  }

  private static OperatingSystem product(
      String text, String fallbackFamily, Optional<String> version) {
    OperatingSystem parsed =
        WindowsReleases.parse(text)
            .or(() -> MacOsReleases.parse(text))
            .or(() -> OsProducts.parse(text))
            .orElseGet(() -> unknownProduct(text, fallbackFamily));
    return withVersion(parsed, version.filter(v -> !readsAsProduct(v)));
  }

  /** "FreeBSD 13.2" → FreeBSD / 13.2: a trailing number is the version, the rest the name. */
  private static OperatingSystem unknownProduct(String text, String family) {
    Matcher m = TRAILING_VERSION.matcher(text);
    return m.matches()
        ? new OperatingSystem(m.group(1).strip(), Optional.of(m.group(2)), family)
        : new OperatingSystem(text, Optional.empty(), family);
  }

  private static OperatingSystem withVersion(OperatingSystem base, Optional<String> explicit) {
    Optional<String> normalized =
        explicit.map(
            v ->
                base.family().equals(OperatingSystem.WINDOWS)
                    ? WindowsReleases.version(base.name(), v)
                    : v);
    Optional<String> version =
        base.version().isEmpty()
            ? normalized
            : Optional.of(refine(base.version().get(), normalized));
    return new OperatingSystem(base.name(), version, base.family());
  }

  /** "22.04" refined by "22.04.3" or "15" by "15 SP4"; anything else leaves the name's version. */
  private static String refine(String fromName, Optional<String> explicit) {
    return explicit
        .filter(
            v -> v.equals(fromName) || v.startsWith(fromName + ".") || v.startsWith(fromName + " "))
        .orElse(fromName);
  }

  /** A product name starts with a letter; "22H2", "10.0.19045", "v13" are versions. */
  private static boolean readsAsProduct(String text) {
    char first = text.charAt(0);
    boolean vNumber =
        (first == 'v' || first == 'V') && text.length() > 1 && Character.isDigit(text.charAt(1));
    return Character.isLetter(first) && !vNumber;
  }

  private static Optional<String> usable(String raw) {
    return RawText.clean(raw)
        .filter(
            t -> !PLACEHOLDERS.contains(RawText.compactKey(t)) && !RawText.compactKey(t).isEmpty());
  }

  private static OperatingSystem family(String name, String family) {
    return new OperatingSystem(name, Optional.empty(), family);
  }
}
