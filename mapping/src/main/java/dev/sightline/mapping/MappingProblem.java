package dev.sightline.mapping;

import java.util.Objects;

/**
 * Why one target of one record got no value. The message names the target and the source label,
 * says what was wrong and what to do, and quotes at most the one offending value (shortened), never
 * the record.
 *
 * @param target the canonical target
 * @param expression the row's JMESPath expression
 * @param kind what went wrong
 * @param message for the run log and the console
 */
public record MappingProblem(String target, String expression, Kind kind, String message) {

  public MappingProblem {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  public enum Kind {
    /** A required target got no value: the record is rejected. */
    REQUIRED_MISSING,
    /** An optional target's value could not be read or converted: the target is left empty. */
    CONVERSION_FAILED
  }
}
