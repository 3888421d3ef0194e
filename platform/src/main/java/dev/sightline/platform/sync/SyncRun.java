package dev.sightline.platform.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a connector, as stored and shown.
 *
 * @param stageMillis milliseconds spent per {@link RunStage}, by its lower-case name; written when
 *     the run ends
 */
public record SyncRun(
    UUID runId,
    UUID connectorId,
    RunState state,
    Optional<String> stream,
    Optional<Boolean> fullSync,
    RunCounters counters,
    Optional<String> error,
    Instant requestedAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Map<String, Long> stageMillis,
    RunClaim claim,
    FindingsState findingsState,
    RunProgress progress) {

  /** How late the run started after the occurrence that fired it, when a schedule fired it. */
  public Optional<java.time.Duration> lateBy() {
    return claim
        .scheduledFor()
        .flatMap(s -> startedAt.map(started -> java.time.Duration.between(s, started)));
  }
}
