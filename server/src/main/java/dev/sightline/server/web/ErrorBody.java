package dev.sightline.server.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The one error shape of the API, {@code {"status","error","message","problems":[]}}: the advice
 * answers every failure of a controller with it, and the token filter (which runs before any
 * controller) writes its 401 with it, so a client parses one shape whatever went wrong.
 */
public record ErrorBody(int status, String error, String message, List<Problem> problems) {

  public ErrorBody {
    problems = List.copyOf(problems);
  }

  public static ErrorBody of(HttpStatus status, String message, List<Problem> problems) {
    return new ErrorBody(status.value(), status.getReasonPhrase(), message, problems);
  }
}
