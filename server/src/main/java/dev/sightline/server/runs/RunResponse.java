package dev.sightline.server.runs;

import dev.sightline.platform.sync.SyncRun;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API shows it; {@code stageMillis}: where its time went, once it has ended; {@code
 * trigger} SCHEDULE, MANUAL or RECOVERY; {@code owner} the node working on it; {@code
 * lateBySeconds} how long after its scheduled time a schedule's run started.
 */
public record RunResponse(
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
    Map<String, Long> stageMillis,
    String trigger,
    int attempt,
    String owner,
    Instant leaseUntil,
    Instant scheduledFor,
    Long lateBySeconds,
    String findingsState,
    Progress progress) {

  /** Where a run is in the stream it reads; {@code percent} where the vendor gives a total. */
  public record Progress(String stream, long pages, long records, Long total, Integer percent) {}

  public static RunResponse from(SyncRun run) {
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
        run.stageMillis(),
        run.claim().trigger().name(),
        run.claim().attempt(),
        run.claim().owner().orElse(null),
        run.claim().leaseUntil().orElse(null),
        run.claim().scheduledFor().orElse(null),
        run.lateBy().map(java.time.Duration::toSeconds).orElse(null),
        run.findingsState().name(),
        run.state() == dev.sightline.platform.sync.RunState.PROCESSING
            ? new Progress(
                run.progress().stream().orElse(null),
                run.progress().pages(),
                run.progress().records(),
                run.progress().total().isPresent() ? run.progress().total().getAsLong() : null,
                run.progress().percent().orElse(null))
            : null);
  }
}
