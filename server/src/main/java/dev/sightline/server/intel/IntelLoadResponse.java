package dev.sightline.server.intel;

import dev.sightline.platform.intel.IntelLoad;
import java.time.Instant;

/**
 * One imported file: its source (KEV, EPSS, NVD), the version and date it carried (null when the
 * file states none), and what it changed.
 */
record IntelLoadResponse(
    long id,
    String source,
    String fileName,
    String sha256,
    String version,
    Instant sourceDate,
    Instant loadedAt,
    long records,
    long inserted,
    long updated,
    long unchanged,
    long removed) {

  static IntelLoadResponse from(IntelLoad l) {
    return new IntelLoadResponse(
        l.id(),
        l.source().name(),
        l.fileName(),
        l.sha256(),
        l.version(),
        l.sourceDate(),
        l.loadedAt(),
        l.records(),
        l.inserted(),
        l.updated(),
        l.unchanged(),
        l.removed());
  }
}
