package dev.sightline.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed values one record produced, by canonical target name. A target without a value is
 * absent (empty accessors), never null. Asking for a target with the accessor of another type is a
 * programming error and throws, because the type of every target is fixed by {@link
 * CanonicalFields}.
 *
 * <p>Immutable; values are {@code String}, {@code List<String>}, {@code Long}, {@code BigDecimal},
 * {@code Boolean} or {@code Instant}.
 */
public final class MappedRecord {

  private final Map<String, Object> values;

  MappedRecord(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<String> string(String target) {
    return get(target, String.class, FieldType.STRING);
  }

  /** The list value of a target; empty when the target has no value. */
  @SuppressWarnings("unchecked")
  public List<String> strings(String target) {
    return get(target, List.class, FieldType.STRING_LIST).orElse(List.of());
  }

  public Optional<Long> integer(String target) {
    return get(target, Long.class, FieldType.INTEGER);
  }

  public Optional<BigDecimal> decimal(String target) {
    return get(target, BigDecimal.class, FieldType.DECIMAL);
  }

  public Optional<Boolean> bool(String target) {
    return get(target, Boolean.class, FieldType.BOOLEAN);
  }

  public Optional<Instant> instant(String target) {
    return get(target, Instant.class, FieldType.INSTANT);
  }

  /** The targets that have a value, in map order. */
  public Set<String> targets() {
    return values.keySet();
  }

  /** Every value by target, in map order; unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  private <T> Optional<T> get(String target, Class<T> javaType, FieldType asked) {
    Object value = values.get(target);
    if (value == null) {
      return Optional.empty();
    }
    if (!javaType.isInstance(value)) {
      throw new IllegalArgumentException(
          "Target '"
              + target
              + "' does not hold a "
              + asked
              + " value; use the accessor of its"
              + " type in CanonicalFields");
    }
    return Optional.of(javaType.cast(value));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MappedRecord that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    // Target names only: values may be sensitive and records are logged.
    return "MappedRecord" + values.keySet();
  }
}
