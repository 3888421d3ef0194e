package dev.sightline.server.api;

import dev.sightline.platform.sync.RunCounters;
import dev.sightline.platform.sync.SyncRun;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run as the API shows it; {@code stageMillis}: where its time went, once it has ended. */
record RunView(
    UUID runId,
    UUID connectorId,
    String state,
    String stream,
    Boolean fullSync,
    RunCounters counters,
    String error,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    Map<String, Long> stageMillis) {

  static RunView of(SyncRun run) {
    return new RunView(
        run.runId(),
        run.connectorId(),
        run.state().name(),
        run.stream().orElse(null),
        run.fullSync().orElse(null),
        run.counters(),
        run.error().orElse(null),
        run.requestedAt(),
        run.startedAt().orElse(null),
        run.finishedAt().orElse(null),
        run.stageMillis());
  }
}
