package dev.sightline.connector.cortex;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code shared/} folder beside the clone (vendor samples), walking up from the working
 * directory.
 */
final class Workspace {

  private Workspace() {}

  static Path samples() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/vendors/samples/cortex-xdr");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No shared/vendors/samples/cortex-xdr above "
            + System.getProperty("user.dir")
            + "; the vendor samples are expected in ../shared next to the clone");
  }
}
