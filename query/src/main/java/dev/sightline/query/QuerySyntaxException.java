package dev.sightline.query;

import java.util.List;

/**
 * A query that cannot be read: where, what was found there, and what could have come instead. Its
 * message is for the user and names no SQL.
 */
public final class QuerySyntaxException extends RuntimeException {
  private final Position at;
  private final String found;
  private final List<String> expected;

  public QuerySyntaxException(String message, Position at, String found, List<String> expected) {
    super(message);
    this.at = at;
    this.found = found;
    this.expected = List.copyOf(expected);
  }

  public Position at() {
    return at;
  }

  /** The text found at the position ({@code end of query} at the end). */
  public String found() {
    return found;
  }

  /** What the grammar allowed there, in the user's words (e.g. {@code ')'}, {@code a value}). */
  public List<String> expected() {
    return expected;
  }
}
