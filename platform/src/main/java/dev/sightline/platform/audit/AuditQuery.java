package dev.sightline.platform.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries to list, newest first, one page at a time.
 *
 * @param from entries recorded at or after it
 * @param to entries recorded before it
 * @param actor entries of exactly this actor
 * @param action entries of exactly this action, or, ending in a dot ({@code connector.}), of every
 *     action it begins
 * @param page from 0
 * @param size from 1 to {@link AuditLog#MAX_PAGE_SIZE}
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> actor,
    Optional<String> action,
    int page,
    int size) {

  /** Everything, newest first, in the given page. */
  public static AuditQuery all(int page, int size) {
    return new AuditQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), page, size);
  }

  public AuditQuery withActor(String value) {
    return new AuditQuery(from, to, Optional.of(value), action, page, size);
  }

  public AuditQuery withAction(String value) {
    return new AuditQuery(from, to, actor, Optional.of(value), page, size);
  }

  public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
    return new AuditQuery(
        Optional.ofNullable(fromInclusive),
        Optional.ofNullable(toExclusive),
        actor,
        action,
        page,
        size);
  }
}
