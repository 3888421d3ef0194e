package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform and the mapping engine name no vendor in their code (comments may explain where a
 * rule came from): a vendor's meaning reaches them only through its connector's descriptor and
 * transform maps, so adding a connector touches no platform class.
 */
class VendorNeutralityTest {
  private static final Pattern VENDOR = Pattern.compile("(?i)crowdstrike|cortex|falcon|spotlight");
  private static final Pattern COMMENT = Pattern.compile("^\\s*(\\*|//|/\\*)");

  static List<String> vendorNamingLines(Path root) {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (!COMMENT.matcher(line).find() && VENDOR.matcher(line).find()) {
            hits.add(root.relativize(file) + ":" + (i + 1) + ": " + line.trim());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  @Test
  void shouldFindNoVendorNameInThePlatformOrMappingCode() {
    for (String module : new String[] {"platform", "mapping"}) {
      Path main = Path.of("..", module, "src", "main", "java");
      assertThat(main).isDirectory();
      assertThat(vendorNamingLines(main)).as("vendor names in %s main code", module).isEmpty();
    }
  }

  @Test
  void shouldCatchAVendorNamedInCodeButNotInAComment(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("Scorer.java"),
        """
        // Spotlight's exploit status 90 means actively used: a comment may say so.
        class Scorer {
          static final int CROWDSTRIKE_ACTIVELY_USED = 90;
        }
        """);
    assertThat(vendorNamingLines(dir))
        .singleElement()
        .asString()
        .contains("Scorer.java:3")
        .contains("CROWDSTRIKE_ACTIVELY_USED");
  }
}
