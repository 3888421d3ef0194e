package dev.sightline.mapping;

import dev.sightline.connector.RecordKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a transform map: where a value comes from in the raw vendor record and which canonical
 * target it fills.
 *
 * <p>The record only holds the row; whether it makes sense (a known target, a type that matches it,
 * an expression that compiles, value-map entries that convert) is checked by {@link TransformMap}
 * when the map is loaded or built, so that every problem of a map is reported at once.
 *
 * @param sourceLabel the source attribute as people know it, e.g. the seed table's "CVE Severity";
 *     defaults to the expression
 * @param expression a JMESPath expression over the raw vendor record
 * @param target a canonical target of {@link CanonicalFields} for {@code appliesTo}
 * @param appliesTo the record kind the row is evaluated for
 * @param type the target's type
 * @param required whether a record without a value for this target is rejected
 * @param valueMap source value → target value, looked up case-insensitively before conversion; kept
 *     in file order
 * @param defaultValue used when the expression yields nothing or a value the value map lacks
 * @param fromSeed whether the row reproduces a row of the product seed's map
 * @param note why the row is there or how it behaves; empty when none
 */
public record FieldMapping(
    String sourceLabel,
    String expression,
    String target,
    RecordKind appliesTo,
    FieldType type,
    boolean required,
    Map<String, String> valueMap,
    Optional<String> defaultValue,
    boolean fromSeed,
    String note) {

  public FieldMapping {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(type, "type");
    sourceLabel = sourceLabel == null || sourceLabel.isBlank() ? expression : sourceLabel;
    if (valueMap != null) {
      valueMap.forEach(
          (from, to) -> {
            Objects.requireNonNull(from, "valueMap key");
            Objects.requireNonNull(to, "valueMap value for " + from);
          });
    }
    // Map.copyOf would lose the file's order, which people edit and read back.
    valueMap =
        valueMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(valueMap));
    defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
    note = note == null ? "" : note;
  }
}
