package dev.sightline.simulators.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real vendor responses in {@code ../shared/vendors/samples/<vendor>/}. CI clones the main
 * repository with {@code shared/} beside it; locally the reactor root is {@code /work/main}. Found
 * from {@code maven.multiModuleProjectDirectory} if set, else by walking up from the working
 * directory until a directory with a {@code shared/vendors} sibling (or child) appears.
 */
public final class SharedSamples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedSamples() {}

  public static Path directory(String vendor) {
    String root = System.getProperty("maven.multiModuleProjectDirectory");
    if (root != null) {
      Path candidate = Path.of(root).toAbsolutePath().resolveSibling("shared").resolve("vendors");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve("samples").resolve(vendor);
      }
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      for (Path candidate :
          new Path[] {
            dir.resolve("shared").resolve("vendors"),
            dir.resolveSibling("shared").resolve("vendors")
          }) {
        if (dir.getParent() != null && Files.isDirectory(candidate)) {
          return candidate.resolve("samples").resolve(vendor);
        }
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared/vendors/samples/"
            + vendor
            + ": clone the shared "
            + "repository beside the main one (…/main and …/shared), or run from inside the reactor; started from "
            + System.getProperty("user.dir"));
  }

  public static JsonNode read(String vendor, String file) {
    Path path = directory(vendor).resolve(file);
    try {
      return MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample " + path, e);
    }
  }
}
