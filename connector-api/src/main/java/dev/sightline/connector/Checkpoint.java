package dev.sightline.connector;

import java.util.Objects;

/**
 * A connector's typed cursor, serialized for the platform, which stores it opaquely. Each connector
 * owns a record type for its state and converts it to and from {@code state} (JSON); {@code
 * version} lets a connector refuse or migrate a cursor written by an older release.
 *
 * @param complete true on the checkpoint that ends a finished read: it then carries the delta
 *     watermark for the next run
 */
public record Checkpoint(String stream, int version, String state, boolean complete) {
  public Checkpoint {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(state, "state");
    if (version < 1) {
      throw new IllegalArgumentException("checkpoint version must be >= 1");
    }
  }
}
