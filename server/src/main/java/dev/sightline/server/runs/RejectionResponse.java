package dev.sightline.server.runs;

import dev.sightline.platform.sync.KeptRejection;
import java.time.Instant;

/** A record (or a finding inside one, at {@code elementPath}) the run could not store, and why. */
public record RejectionResponse(
    String stream, String recordKey, String elementPath, String reasons, Instant rejectedAt) {

  public static RejectionResponse from(KeptRejection r) {
    return new RejectionResponse(
        r.stream(), r.recordKey(), r.elementPath(), r.reasons(), r.rejectedAt());
  }
}
