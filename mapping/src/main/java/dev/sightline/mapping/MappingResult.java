package dev.sightline.mapping;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying a map to one record: the values it produced and the problems it met. A
 * record is accepted unless a required target is missing; problems with optional targets are
 * reported but do not reject it.
 */
public record MappingResult(MappedRecord record, List<MappingProblem> problems) {

  public MappingResult {
    Objects.requireNonNull(record, "record");
    problems = List.copyOf(problems);
  }

  /** Whether every required target of the record kind got a value. */
  public boolean accepted() {
    return problems.stream().noneMatch(p -> p.kind() == MappingProblem.Kind.REQUIRED_MISSING);
  }
}
