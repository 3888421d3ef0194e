package dev.sightline.platform.errors;

import java.util.List;

/** Input that cannot be accepted; every problem names the field and what to do. */
public final class InvalidRequestException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidRequestException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  public record Problem(String field, String message) {}
}
