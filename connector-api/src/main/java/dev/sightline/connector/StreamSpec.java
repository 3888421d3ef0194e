package dev.sightline.connector;

import java.util.Objects;

/**
 * A named stream of raw vendor records of one kind.
 *
 * @param recordKey JMESPath expression giving a record's stable vendor id (e.g. {@code aid})
 * @param assetKey for findings, the JMESPath expression giving the vendor id of the asset the
 *     finding belongs to; empty for assets
 */
public record StreamSpec(String name, RecordKind kind, String recordKey, String assetKey) {
  public StreamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordKey, "recordKey");
    Objects.requireNonNull(assetKey, "assetKey");
  }
}
