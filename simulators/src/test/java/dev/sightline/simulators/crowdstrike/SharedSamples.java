package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real CrowdStrike responses in {@code ../shared/vendors/samples/crowdstrike/}. CI clones the
 * main repository with {@code shared/} beside it; locally the reactor root is {@code /work/main}.
 * Found from {@code maven.multiModuleProjectDirectory} if set, else by walking up from the working
 * directory until a directory with a {@code shared/vendors} sibling (or child) appears.
 */
final class SharedSamples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedSamples() {}

  static Path directory() {
    String root = System.getProperty("maven.multiModuleProjectDirectory");
    if (root != null) {
      Path candidate = Path.of(root).toAbsolutePath().resolveSibling("shared").resolve("vendors");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve("samples").resolve("crowdstrike");
      }
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : new Path[] {dir.resolve("shared").resolve("vendors"),
          dir.resolveSibling("shared").resolve("vendors")}) {
        if (dir.getParent() != null && Files.isDirectory(candidate)) {
          return candidate.resolve("samples").resolve("crowdstrike");
        }
      }
    }
    throw new IllegalStateException("cannot find ../shared/vendors/samples/crowdstrike: clone the shared "
        + "repository beside the main one (…/main and …/shared), or run from inside the reactor; started from "
        + System.getProperty("user.dir"));
  }

  static JsonNode read(String file) {
    Path path = directory().resolve(file);
    try {
      return MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample " + path, e);
    }
  }

  /** {@code log.entries[index].response.content.text} of the recorded HAR, parsed. */
  static JsonNode harResponseBody(int index) {
    String text = harEntry(index).path("response").path("content").path("text").asText();
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode harEntry(int index) {
    return read("j1_har_token_and_spotlight_combined_last_page.har.json").path("log").path("entries").get(index);
  }
}
