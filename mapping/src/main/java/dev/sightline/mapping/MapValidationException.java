package dev.sightline.mapping;

import java.util.List;

/**
 * A transform map that cannot be used, with every problem found in it, so that one save or one load
 * shows them all. Each problem names the row ({@code fields[3]}) and its target.
 */
public final class MapValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  MapValidationException(String origin, List<String> problems) {
    super(message(origin, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each, in the order of the map. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String origin, List<String> problems) {
    StringBuilder text =
        new StringBuilder("Transform map ")
            .append(origin)
            .append(" is invalid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(p -> text.append(System.lineSeparator()).append("  - ").append(p));
    return text.toString();
  }
}
