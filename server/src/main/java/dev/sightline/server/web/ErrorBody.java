package dev.sightline.server.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one error shape of the API: an RFC 9457 problem detail ({@code type}, {@code title}, {@code
 * status}, {@code detail}, {@code instance}, sent as {@code application/problem+json}) that keeps
 * the fields clients already read ({@code error}, {@code message}, {@code problems[]}). The advice
 * answers every failure of a controller with it, and the token filter (which runs before any
 * controller) writes its 401 with it, so a client parses one shape whatever went wrong.
 *
 * @param type a URI naming the kind of problem, {@code urn:problem-type:sightline:<kind>}
 * @param instance the path of the request that failed
 */
public record ErrorBody(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String error,
    String message,
    List<Problem> problems) {

  /** RFC 9457's media type; every error answer carries it. */
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  public ErrorBody {
    problems = List.copyOf(problems);
  }

  /**
   * @param kind the problem's kind in lower-case words joined by hyphens, e.g. {@code
   *     invalid-request}
   */
  public static ErrorBody of(
      String kind, HttpStatus status, String message, List<Problem> problems, String instance) {
    return new ErrorBody(
        type(kind),
        status.getReasonPhrase(),
        status.value(),
        message,
        instance,
        status.getReasonPhrase(),
        message,
        problems);
  }

  public static String type(String kind) {
    return "urn:problem-type:sightline:" + kind;
  }
}
