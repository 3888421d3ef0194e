package dev.sightline.server.audit;

import dev.sightline.platform.audit.AuditEntry;
import dev.sightline.platform.audit.RecordedEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit entry as the API shows it. {@code actor}: a user name, {@code system} for background
 * work, {@code anonymous} when the request named no user; {@code address}: the client's, null for
 * background work; {@code outcome}: SUCCEEDED, REFUSED or FAILED; {@code before} and {@code after}:
 * the value as the API showed it before and after the change (null when there was none), every
 * secret masked; {@code detail}: what the values do not say (which secret changed, why a change was
 * refused).
 */
record AuditEntryResponse(
    long id,
    Instant at,
    String actor,
    String address,
    String action,
    String target,
    String outcome,
    @Schema(
            implementation = Object.class,
            types = {"object", "null"},
            description = "the value before the change, as the API showed it, secrets masked")
        JsonNode before,
    @Schema(
            implementation = Object.class,
            types = {"object", "null"},
            description = "the value after the change, as the API showed it, secrets masked")
        JsonNode after,
    String detail) {

  static AuditEntryResponse from(RecordedEntry recorded, JsonMapper json) {
    AuditEntry e = recorded.entry();
    return new AuditEntryResponse(
        recorded.id(),
        recorded.at(),
        e.actor(),
        e.address(),
        e.action(),
        e.target(),
        e.outcome().name(),
        e.before() == null ? null : json.readTree(e.before()),
        e.after() == null ? null : json.readTree(e.after()),
        e.detail());
  }
}
