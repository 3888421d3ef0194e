package dev.sightline.mapping;

/**
 * The value type of a canonical target field. A transform map row states it, and it must equal the
 * type {@link CanonicalFields} gives the target, so the platform reads each target with one
 * accessor of {@link MappedRecord}.
 */
public enum FieldType {
  /** Text; from a list the first non-null element, from a number or boolean its text. */
  STRING,
  /**
   * Text values in source order, nulls and duplicates dropped; a scalar becomes a one-element list.
   */
  STRING_LIST,
  /** A whole number ({@code long}). */
  INTEGER,
  /** A decimal number ({@link java.math.BigDecimal}). */
  DECIMAL,
  /** {@code true}/{@code false}; also {@code yes}/{@code no} and {@code 1}/{@code 0}. */
  BOOLEAN,
  /** A UTC instant, from ISO-8601 text or epoch milliseconds. */
  INSTANT
}
