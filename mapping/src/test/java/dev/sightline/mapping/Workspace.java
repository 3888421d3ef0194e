package dev.sightline.mapping;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root and the {@code shared/} folder that sits beside it (vendor samples),
 * walking up from the directory the tests run in, so the tests work from the module and from the
 * reactor root alike.
 */
final class Workspace {

  private Workspace() {}

  /** The reactor root: the nearest directory holding both pom.xml and mapping/pom.xml. */
  static Path repoRoot() {
    for (Path dir = start(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(dir.resolve("mapping/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No reactor root above " + start());
  }

  /** The shared/ folder: the nearest ancestor's child that holds vendors/. */
  static Path shared() {
    for (Path dir = start(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("vendors"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No shared/vendors beside the repository above "
            + start()
            + "; the vendor samples are expected in ../shared next to the clone");
  }

  static Path crowdStrikeMapFile() {
    return repoRoot()
        .resolve(
            "connectors/crowdstrike/src/main/resources/dev/sightline/connector/crowdstrike/"
                + "crowdstrike-spotlight-map.json");
  }

  private static Path start() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath();
  }
}
