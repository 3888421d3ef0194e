package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * macOS under all its names: "Mac OS X 10.15.7", "macOS 13.4.1 (22F82)", "macOS Ventura (13)" and
 * CrowdStrike's bare "Ventura (13)" all become name "macOS" — Apple renamed the product twice, and
 * a comparison should not care which era the sensor grew up in. An explicit number wins over the
 * marketing name; a marketing name alone maps to its major version.
 */
final class MacOsReleases {
  /**
   * Marketing name → version. Source: Apple support "Find out which macOS your Mac is using"
   * (HT201260), which lists every name with its version.
   */
  static final Map<String, String> CODENAMES =
      Map.ofEntries(
          Map.entry("tahoe", "26"),
          Map.entry("sequoia", "15"),
          Map.entry("sonoma", "14"),
          Map.entry("ventura", "13"),
          Map.entry("monterey", "12"),
          Map.entry("big sur", "11"),
          Map.entry("catalina", "10.15"),
          Map.entry("mojave", "10.14"),
          Map.entry("high sierra", "10.13"),
          Map.entry("sierra", "10.12"),
          Map.entry("el capitan", "10.11"),
          Map.entry("yosemite", "10.10"),
          Map.entry("mavericks", "10.9"),
          Map.entry("mountain lion", "10.8"));

  private static final Pattern PREFIX =
      Pattern.compile("(?i)^(?:mac\\s*os\\s*x|mac\\s*os|os\\s*x)(?![a-z])\\s*(.*)$");
  private static final Pattern CODENAME =
      Pattern.compile(
          "(?i)^(tahoe|sequoia|sonoma|ventura|"
              + "monterey|big\\s+sur|catalina|mojave|high\\s+sierra|sierra|el\\s+capitan|yosemite|"
              + "mavericks|mountain\\s+lion)(?![a-z])\\s*(.*)$");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![0-9.])(\\d{1,2}(?:\\.\\d+){0,2})(?![0-9.])");

  private MacOsReleases() {}

  static Optional<OperatingSystem> parse(String text) {
    Matcher prefix = PREFIX.matcher(text);
    boolean hasPrefix = prefix.matches();
    String rest = hasPrefix ? prefix.group(1) : text;
    Optional<String> codenameVersion = Optional.empty();
    Matcher codename = CODENAME.matcher(rest);
    if (codename.matches()) {
      String key = RawText.lower(codename.group(1)).replaceAll("\\s+", " ");
      codenameVersion = Optional.ofNullable(CODENAMES.get(key));
      rest = codename.group(2);
    } else if (!hasPrefix) {
      return Optional.empty();
    }
    Matcher number = NUMBER.matcher(rest);
    Optional<String> version = number.find() ? Optional.of(number.group(1)) : codenameVersion;
    return Optional.of(new OperatingSystem("macOS", version, OperatingSystem.MACOS));
  }
}
