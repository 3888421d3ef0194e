package dev.sightline.platform.audit;

import java.time.Instant;

/**
 * An entry as the audit log holds it: its number (ascending in the order entries were written),
 * when it was recorded, and what was recorded, secrets masked.
 */
public record RecordedEntry(long id, Instant at, AuditEntry entry) {}
