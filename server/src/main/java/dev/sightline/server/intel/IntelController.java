package dev.sightline.server.intel;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.intel.IntelFileException;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.intel.IntelLookup;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offline CVE intelligence through the running server: the same formats as {@code sightline intel
 * import} (which needs the embedded database to itself), sent as the raw request body. Stored
 * findings whose intelligence changed are rescored in the background.
 */
@RestController
class IntelController {
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final IntelImporter importer;
  private final IntelLookup lookup;
  private final BackgroundRescoring rescoring;
  private final AuditTrail audit;

  IntelController(
      IntelImporter importer, IntelLookup lookup, BackgroundRescoring rescoring, AuditTrail audit) {
    this.importer = importer;
    this.lookup = lookup;
    this.rescoring = rescoring;
    this.audit = audit;
  }

  /** An import and the rescoring it started. */
  record Imported(IntelLoadResponse load, BackgroundRescoring.Status rescoring) {}

  /** Recent loads, newest first, each with its source, version, date and what it changed. */
  @GetMapping("/api/v1/intel/loads")
  List<IntelLoadResponse> loads() {
    return lookup.recentLoads(100).stream().map(IntelLoadResponse::from).toList();
  }

  /**
   * Imports one file sent as the body; {@code fileName} is what the load records (the format is
   * recognised from the content, gzip too).
   */
  @PostMapping("/api/v1/intel/imports")
  Imported importFile(@RequestParam String fileName, InputStream body) {
    return audit.change(
        AuditAction.INTEL_IMPORT,
        fileName,
        null,
        null,
        () -> importOne(fileName, body),
        imported -> imported.load());
  }

  private Imported importOne(String fileName, InputStream body) {
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new InvalidRequestException(
          "fileName",
          "fileName must be a plain file name"
              + " (letters, digits, '.', '_', '-'; at most 200 characters), such as"
              + " known_exploited_vulnerabilities.json");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sightline-intel-");
      Path file = dir.resolve(fileName);
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      IntelLoadResponse load = IntelLoadResponse.from(importer.importFile(file));
      // The import queued the assets it changed in its own transaction; the drain is background
      // work, not a second step of this use case.
      rescoring.request();
      return new Imported(load, rescoring.status());
    } catch (IntelFileException e) {
      throw new InvalidRequestException("body", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the uploaded file for import", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temporary file left behind is harmless; the import's outcome is what matters.
    }
  }
}
