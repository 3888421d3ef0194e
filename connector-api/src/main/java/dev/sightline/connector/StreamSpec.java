package dev.sightline.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * A named stream of raw vendor records of one kind.
 *
 * @param recordKey JMESPath expression giving a record's stable vendor id (e.g. {@code aid})
 * @param assetKey for findings, the JMESPath expression giving the vendor id of the asset the
 *     finding belongs to; empty for assets
 * @param elements for a finding stream whose records each carry many findings in an array (Cortex
 *     XDR: one endpoint with its {@code cves[]}); empty when one record is one finding
 * @param assetSnapshot for findings, a JMESPath expression over a finding record that builds the
 *     record of its asset in the shape of the connector's assets stream (so the same transform map
 *     maps it), from the host details the finding itself carries. The platform uses it only when
 *     the assets stream never returned that asset, so the finding still has an asset; empty when
 *     findings carry no such details (such a finding is then a counted rejection)
 */
public record StreamSpec(
    String name,
    RecordKind kind,
    String recordKey,
    String assetKey,
    Optional<Elements> elements,
    Optional<String> assetSnapshot) {

  public StreamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordKey, "recordKey");
    Objects.requireNonNull(assetKey, "assetKey");
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(assetSnapshot, "assetSnapshot");
    if (elements.isPresent() && kind != RecordKind.FINDING) {
      throw new IllegalArgumentException("only a finding stream can carry findings as elements");
    }
    if (assetSnapshot.isPresent() && kind != RecordKind.FINDING) {
      throw new IllegalArgumentException("only a finding stream can carry asset snapshots");
    }
  }

  public StreamSpec(String name, RecordKind kind, String recordKey, String assetKey) {
    this(name, kind, recordKey, assetKey, Optional.empty(), Optional.empty());
  }

  public StreamSpec(
      String name,
      RecordKind kind,
      String recordKey,
      String assetKey,
      Optional<Elements> elements) {
    this(name, kind, recordKey, assetKey, elements, Optional.empty());
  }

  /** This stream, whose findings build their asset from {@code expression} when it is unknown. */
  public StreamSpec withAssetSnapshot(String expression) {
    return new StreamSpec(name, kind, recordKey, assetKey, elements, Optional.of(expression));
  }

  /**
   * Findings carried as the elements of a top-level array field of each record. The platform maps
   * each element through the stream's transform map as if the record held that element alone in the
   * array, so a seed expression such as {@code cves[].name} reads the element's value. A finding's
   * stable id is the record key and the element key joined with {@code '/'}.
   *
   * @param field the record's top-level array field, e.g. {@code cves}
   * @param key JMESPath over one element giving its id within the record, e.g. {@code name}
   */
  public record Elements(String field, String key) {
    public Elements {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(key, "key");
      if (field.isBlank() || field.contains(".") || field.contains("[")) {
        throw new IllegalArgumentException(
            "elements field must be a top-level field name: " + field);
      }
    }
  }
}
