package dev.sightline.server.connectors;

import dev.sightline.connector.CheckResult;
import dev.sightline.platform.connectors.ConnectionTestFailedException;
import dev.sightline.server.web.ErrorBody;
import dev.sightline.server.web.Problem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Settings not proven by a connection test, on create or edit: 422, every failed check a problem
 * with what to do, and the checks as Test Connection shows them. Ordered before the API's catch-all
 * advice, which would otherwise answer it as an unexpected error.
 */
@RestControllerAdvice(assignableTypes = ConnectorController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionRefusals {

  @ExceptionHandler(ConnectionTestFailedException.class)
  ResponseEntity<ConnectionRefusedResponse> refused(
      ConnectionTestFailedException e, jakarta.servlet.http.HttpServletRequest request) {
    HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
    List<Problem> problems =
        e.checks().stream()
            .filter(c -> c.status() == CheckResult.Status.FAILED)
            .map(
                c ->
                    new Problem(
                        c.check().name(),
                        c.message() + (c.fix().isEmpty() ? "" : ". To fix: " + c.fix())))
            .toList();
    if (problems.isEmpty()) {
      problems = List.of(new Problem("connectionTestId", e.getMessage()));
    }
    return ResponseEntity.status(status)
        .contentType(ErrorBody.PROBLEM_JSON)
        .body(
            new ConnectionRefusedResponse(
                ErrorBody.type("connection-test-failed"),
                status.getReasonPhrase(),
                status.value(),
                e.getMessage(),
                request.getRequestURI(),
                status.getReasonPhrase(),
                e.getMessage(),
                problems,
                false,
                ConnectionTestResponse.checks(e.checks())));
  }
}
