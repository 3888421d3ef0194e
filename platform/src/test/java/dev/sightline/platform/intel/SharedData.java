package dev.sightline.platform.intel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real intelligence files in {@code ../shared/data/}: CI clones the main repository with {@code
 * shared/} beside it. Found by walking up from the working directory until an ancestor has {@code
 * shared/data} beside (or inside) it, so tests run from the module and the reactor alike.
 */
final class SharedData {
  static final String KEV = "known_exploited_vulnerabilities.json";
  static final String EPSS_SLICE = "epss_kev_nvd.csv";
  static final String NVD_RECORD = "nvd_cve_2.0_sample_CVE-2025-48384.json";

  private SharedData() {}

  static Path file(String name) {
    return directory().resolve(name);
  }

  static Path directory() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
      for (Path candidate :
          new Path[] {
            dir.resolveSibling("shared").resolve("data"), dir.resolve("shared").resolve("data")
          }) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared/data above "
            + start
            + ": clone the shared repository beside the main one (…/main and …/shared)");
  }
}
