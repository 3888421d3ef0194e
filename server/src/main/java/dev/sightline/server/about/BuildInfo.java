package dev.sightline.server.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build is: its version, the commit it was built from and when, as the build wrote them
 * in {@code META-INF/build-info.properties}. A class run from an IDE without that file says
 * "unknown" rather than failing.
 *
 * @param version the project's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the git commit (short), or {@code unknown} when built outside a git checkout
 * @param buildTime when the build ran, ISO-8601 in UTC
 */
public record BuildInfo(String version, String commit, String buildTime) {
  static final String RESOURCE = "META-INF/build-info.properties";
  private static final String UNKNOWN = "unknown";

  /** The build information of the running code. */
  public static BuildInfo current() {
    try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return fromProperties(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  static BuildInfo fromProperties(Properties p) {
    return new BuildInfo(
        p.getProperty("build.version", UNKNOWN),
        p.getProperty("build.commit", UNKNOWN),
        p.getProperty("build.time", UNKNOWN));
  }

  /** One line for {@code sightline --version}. */
  public String line() {
    return "Sightline " + version + " (commit " + commit + ", built " + buildTime + ")";
  }
}
