package dev.sightline.server.runs;

import dev.sightline.platform.sync.SyncRun;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run as the API shows it; {@code stageMillis}: where its time went, once it has ended. */
record RunResponse(
    UUID runId,
    UUID connectorId,
    String state,
    String stream,
    Boolean fullSync,
    RunCountersResponse counters,
    String error,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    Map<String, Long> stageMillis) {

  static RunResponse from(SyncRun run) {
    return new RunResponse(
        run.runId(),
        run.connectorId(),
        run.state().name(),
        run.stream().orElse(null),
        run.fullSync().orElse(null),
        RunCountersResponse.from(run.counters()),
        run.error().orElse(null),
        run.requestedAt(),
        run.startedAt().orElse(null),
        run.finishedAt().orElse(null),
        run.stageMillis());
  }
}
