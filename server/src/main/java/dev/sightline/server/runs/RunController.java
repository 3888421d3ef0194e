package dev.sightline.server.runs;

import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starting a connector's run on a worker, and following runs: state, counters, rejections. */
@RestController
class RunController {
  private final SyncService sync;
  private final RunLauncher launcher;
  private final AuditTrail audit;

  RunController(SyncService sync, RunLauncher launcher, AuditTrail audit) {
    this.sync = sync;
    this.launcher = launcher;
    this.audit = audit;
  }

  /**
   * Records the run and answers at once; the run goes on on a worker thread. The audit log records
   * who started it (a refusal too, e.g. a run already in flight).
   */
  @PostMapping("/api/v1/connectors/{id}/runs")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunStarted start(@PathVariable UUID id) {
    return audit.change(
        AuditAction.RUN_START,
        id.toString(),
        null,
        "started by hand",
        () -> new RunStarted(launcher.start(id).runId()),
        started -> started);
  }

  /** The connector's latest runs, newest first; a connector that does not exist is a 404. */
  @GetMapping("/api/v1/connectors/{id}/runs")
  List<RunResponse> runs(@PathVariable UUID id) {
    return sync.recentRuns(id, 50).stream().map(RunResponse::from).toList();
  }

  @GetMapping("/api/v1/runs/{runId}")
  RunResponse get(@PathVariable UUID runId) {
    return sync.run(runId)
        .map(RunResponse::from)
        .orElseThrow(() -> new NotFoundException("No run has id " + runId));
  }

  /** The records the run could not store, each with its reasons (the first 1,000 of a run). */
  @GetMapping("/api/v1/runs/{runId}/rejections")
  List<RejectionResponse> rejections(@PathVariable UUID runId) {
    return sync.rejections(runId).stream().map(RejectionResponse::from).toList();
  }

  /** The run's own log: time, level, stream, message, and the fix on every error line. */
  @GetMapping("/api/v1/runs/{runId}/log")
  List<RunLogLineResponse> log(@PathVariable UUID runId) {
    return sync.log(runId).stream().map(RunLogLineResponse::from).toList();
  }

  /** The answer to starting a run: the id to follow it by. */
  record RunStarted(UUID runId) {}
}
