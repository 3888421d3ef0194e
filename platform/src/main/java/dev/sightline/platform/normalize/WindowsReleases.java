package dev.sightline.platform.normalize;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows product names and releases. The edition (Pro, Enterprise, Datacenter …) is dropped:
 * CrowdStrike's {@code os_version} never carries it ("Windows 10", "Windows Server 2019") while
 * {@code os_product_name} and Cortex strings do, and the comparable core is product + release.
 *
 * <p>Client releases are named by their feature update ("22H2"); a build number maps to that name
 * through {@link #CLIENT_RELEASES}, so "Windows 10" + build "19045" and "Windows 10 Pro 22H2"
 * agree. Server builds are kept as numbers (the year in the name already says the release).
 */
final class WindowsReleases {
  /**
   * Build → feature release for Windows 10 and 11. Source: Microsoft's "Windows 10 release
   * information" and "Windows 11 release information" pages (learn.microsoft.com, release-health).
   */
  static final Map<Integer, String> CLIENT_RELEASES =
      Map.ofEntries(
          Map.entry(10240, "1507"),
          Map.entry(10586, "1511"),
          Map.entry(14393, "1607"),
          Map.entry(15063, "1703"),
          Map.entry(16299, "1709"),
          Map.entry(17134, "1803"),
          Map.entry(17763, "1809"),
          Map.entry(18362, "1903"),
          Map.entry(18363, "1909"),
          Map.entry(19041, "2004"),
          Map.entry(19042, "20H2"),
          Map.entry(19043, "21H1"),
          Map.entry(19044, "21H2"),
          Map.entry(19045, "22H2"),
          Map.entry(22000, "21H2"),
          Map.entry(22621, "22H2"),
          Map.entry(22631, "23H2"),
          Map.entry(26100, "24H2"),
          Map.entry(26200, "25H2"));

  private static final int FIRST_WINDOWS_11_BUILD = 22000;

  private static final Pattern WINDOWS =
      Pattern.compile("(?i)^(?:microsoft\\s*)?windows(?:\\s*\\(r\\))?(?![a-z])\\s*(.*)$");
  private static final Pattern SERVER =
      Pattern.compile("(?i)^server(?![a-z])\\s*(\\d{4})?(\\s*r2(?![a-z0-9]))?(.*)$");
  private static final Pattern CLIENT =
      Pattern.compile("(?i)^(11|10|8\\.1|8|7|vista|xp|2000)(?![a-z0-9.])(.*)$");
  private static final Pattern RELEASE =
      Pattern.compile(
          "(?i)(?<![a-z0-9])"
              + "(\\d{2}h\\d|1507|1511|1607|1703|1709|1803|1809|1903|1909|2004)(?![a-z0-9])");
  private static final Pattern BUILD_ONLY =
      Pattern.compile("^(?:\\d{1,2}\\.\\d{1,2}\\.)?(\\d{4,5})(?:\\.\\d+)?$");
  private static final Pattern BUILD_IN_TEXT =
      Pattern.compile("(?i)(?:build\\s*|(?<![0-9.])10\\.0\\.)(\\d{5})");

  private WindowsReleases() {}

  /** "Windows 11 Pro 22H2" → Windows 11 / 22H2; "Windows Server 2012 R2 Datacenter" → none. */
  static Optional<OperatingSystem> parse(String text) {
    Matcher windows = WINDOWS.matcher(text);
    if (!windows.matches()) {
      return Optional.empty();
    }
    String rest = windows.group(1);
    Matcher server = SERVER.matcher(rest);
    if (server.matches()) {
      String year = server.group(1) == null ? "" : " " + server.group(1);
      String r2 = server.group(2) == null || year.isEmpty() ? "" : " R2";
      String name = "Windows Server" + year + r2;
      return Optional.of(os(name, releaseIn(server.group(3), name)));
    }
    Matcher client = CLIENT.matcher(rest);
    if (client.matches()) {
      String product =
          client.group(1).length() > 3
              ? capitalized(client.group(1))
              : RawText.upper(client.group(1));
      String name = "Windows " + product;
      return Optional.of(os(name, releaseIn(client.group(2), name)));
    }
    return Optional.of(os("Windows", releaseIn(rest, "Windows")));
  }

  /**
   * A separately reported Windows version in the product's terms: "22h2" → "22H2"; a build
   * ("19045", "10.0.19045.3570") → the feature release for Windows 10/11, else the build number.
   */
  static String version(String productName, String explicit) {
    Matcher release = RELEASE.matcher(explicit);
    if (release.matches()) {
      return RawText.upper(explicit);
    }
    Matcher build = BUILD_ONLY.matcher(explicit);
    if (build.matches()) {
      return releaseOfBuild(productName, Integer.parseInt(build.group(1)));
    }
    return explicit;
  }

  private static Optional<String> releaseIn(String rest, String productName) {
    Matcher release = RELEASE.matcher(rest);
    if (release.find()) {
      return Optional.of(RawText.upper(release.group(1)));
    }
    Matcher build = BUILD_IN_TEXT.matcher(rest);
    if (build.find()) {
      return Optional.of(releaseOfBuild(productName, Integer.parseInt(build.group(1))));
    }
    return Optional.empty();
  }

  /** Only when the build belongs to the named product; a mismatch keeps the plain number. */
  private static String releaseOfBuild(String productName, int build) {
    boolean fits =
        (productName.equals("Windows 10") && build < FIRST_WINDOWS_11_BUILD)
            || (productName.equals("Windows 11") && build >= FIRST_WINDOWS_11_BUILD);
    String release = CLIENT_RELEASES.get(build);
    return fits && release != null ? release : Integer.toString(build);
  }

  private static String capitalized(String word) {
    String lower = RawText.lower(word);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static OperatingSystem os(String name, Optional<String> version) {
    return new OperatingSystem(name, version, OperatingSystem.WINDOWS);
  }
}
