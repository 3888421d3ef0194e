package dev.sightline.query;

/** Where in the query text something is: line and column from 1, offset from 0. */
public record Position(int line, int column, int offset) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
