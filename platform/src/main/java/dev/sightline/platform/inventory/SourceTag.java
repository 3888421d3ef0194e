package dev.sightline.platform.inventory;

import java.util.Objects;

/**
 * A tag a source put on an asset, with its kind (server, endpoint, sensor, …) as that source means
 * it.
 */
public record SourceTag(String tag, String kind) {
  public SourceTag {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(kind, "kind");
  }
}
