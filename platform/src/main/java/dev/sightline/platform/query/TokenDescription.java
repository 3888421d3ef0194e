package dev.sightline.platform.query;

import java.util.List;

/**
 * A token as the API lists it: its name, how it reads values, the operators it takes, an example,
 * the values of an enumeration (empty otherwise), whether listings sort by it, and what it means.
 */
public record TokenDescription(
    String name,
    TokenType type,
    List<String> operators,
    String example,
    List<String> values,
    boolean sortable,
    String description) {
  public TokenDescription {
    operators = List.copyOf(operators);
    values = List.copyOf(values);
  }
}
