package dev.sightline.platform.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One run of a connector, as stored and shown. */
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
    Optional<Instant> finishedAt) {}
