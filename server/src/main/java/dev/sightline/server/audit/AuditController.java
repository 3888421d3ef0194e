package dev.sightline.server.audit;

import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.audit.AuditQuery;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.server.web.PageResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log, newest first: who changed what, when, from where, with the values before and after
 * (secrets masked). Read only: the API has no way to change or delete an entry, and the database
 * refuses it too.
 */
@RestController
class AuditController {
  private final AuditLog log;
  private final JsonMapper json;

  AuditController(AuditLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 instants such as {@code
   * 2026-03-01T00:00:00Z}; {@code actor} an exact user name; {@code action} an exact action or,
   * ending in a dot ({@code connector.}), every action it begins.
   */
  @GetMapping("/api/v1/audit")
  PageResponse<AuditEntryResponse> audit(
      @RequestParam Optional<String> from,
      @RequestParam Optional<String> to,
      @RequestParam Optional<String> actor,
      @RequestParam Optional<String> action,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return PageResponse.from(
        log.find(
            new AuditQuery(instant("from", from), instant("to", to), actor, action, page, size)),
        e -> AuditEntryResponse.from(e, json));
  }

  private static Optional<Instant> instant(String field, Optional<String> value) {
    return value
        .filter(v -> !v.isBlank())
        .map(
            v -> {
              try {
                return OffsetDateTime.parse(v.trim()).toInstant();
              } catch (DateTimeParseException e) {
                throw new InvalidRequestException(
                    field,
                    field
                        + " must be an ISO-8601 instant with its offset, such as"
                        + " 2026-03-01T00:00:00Z; it was '"
                        + v
                        + "'");
              }
            });
  }
}
