package dev.sightline.server.web;

import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.query.QuerySyntaxException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** One error shape for every failure: what was wrong and what to do, never a stack trace. */
@RestControllerAdvice
class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ErrorBody> invalid(InvalidRequestException e, HttpServletRequest request) {
    return body(
        "invalid-request",
        request,
        HttpStatus.BAD_REQUEST,
        e.getMessage(),
        e.problems().stream().map(p -> new Problem(p.field(), p.message())).toList());
  }

  /** A query that cannot be read: where, what was found there, what could come instead. */
  @ExceptionHandler(QuerySyntaxException.class)
  ResponseEntity<ErrorBody> query(QuerySyntaxException e, HttpServletRequest request) {
    return body(
        "invalid-query",
        request,
        HttpStatus.BAD_REQUEST,
        e.getMessage(),
        List.of(
            new Problem(
                "q",
                "at line "
                    + e.at().line()
                    + ", column "
                    + e.at().column()
                    + " (position "
                    + e.at().offset()
                    + "): found "
                    + e.found()
                    + (e.expected().isEmpty()
                        ? ""
                        : ", expected " + String.join(" or ", e.expected())))));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ErrorBody> conflict(ConflictException e, HttpServletRequest request) {
    return body("conflict", request, HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ErrorBody> notFound(Exception e, HttpServletRequest request) {
    return body(
        "not-found",
        request,
        HttpStatus.NOT_FOUND,
        e instanceof NotFoundException
            ? e.getMessage()
            : "No such API path: see the README for the API",
        List.of());
  }

  @ExceptionHandler(UnauthorizedException.class)
  ResponseEntity<ErrorBody> unauthorized(UnauthorizedException e, HttpServletRequest request) {
    return body("unauthorized", request, HttpStatus.UNAUTHORIZED, e.getMessage(), List.of());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ErrorBody> forbidden(ForbiddenException e, HttpServletRequest request) {
    return body("forbidden", request, HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ErrorBody> tooMany(TooManyRequestsException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .contentType(ErrorBody.PROBLEM_JSON)
        .body(
            ErrorBody.of(
                "too-many-requests",
                HttpStatus.TOO_MANY_REQUESTS,
                e.getMessage(),
                List.of(),
                request.getRequestURI()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return body(
        "unreadable-body",
        request,
        HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON of the expected shape: check the syntax and field types",
        List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return body(
        "invalid-request",
        request,
        HttpStatus.BAD_REQUEST,
        "'" + e.getName() + "' has a value of the wrong type",
        List.of(
            new Problem(
                e.getName(),
                "expected "
                    + (e.getRequiredType() == null
                        ? "another type"
                        : e.getRequiredType().getSimpleName()))));
  }

  /**
   * A client that stopped reading (an export cut short by {@code head} or {@code --limit}) is not a
   * server fault: nothing to answer, nothing to alarm anyone with.
   */
  @ExceptionHandler(java.io.IOException.class)
  ResponseEntity<ErrorBody> io(java.io.IOException e, HttpServletRequest request) {
    return unexpected(new java.io.UncheckedIOException(e), request);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ErrorBody> unexpected(RuntimeException e, HttpServletRequest request) {
    if (org.springframework.web.util.DisconnectedClientHelper.isClientDisconnectedException(e)) {
      LOG.debug("The client went away before the answer was written: {}", request.getRequestURI());
      return null;
    }
    LOG.error("Unexpected error answering a request", e);
    return body(
        "unexpected",
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Unexpected server error: the server log has the details",
        List.of());
  }

  private static ResponseEntity<ErrorBody> body(
      String kind,
      HttpServletRequest request,
      HttpStatus status,
      String message,
      List<Problem> problems) {
    return ResponseEntity.status(status)
        .contentType(ErrorBody.PROBLEM_JSON)
        .body(ErrorBody.of(kind, status, message, problems, request.getRequestURI()));
  }
}
