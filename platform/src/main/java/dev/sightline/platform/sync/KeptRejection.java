package dev.sightline.platform.sync;

import java.time.Instant;

/**
 * A record (or a finding inside one, at {@code elementPath}) a run could not store, as kept: the
 * first {@link PageCommitter#REJECTIONS_KEPT_PER_RUN} of a run, each with every reason.
 */
public record KeptRejection(
    String stream, String recordKey, String elementPath, String reasons, Instant rejectedAt) {}
