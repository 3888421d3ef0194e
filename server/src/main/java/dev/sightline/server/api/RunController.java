package dev.sightline.server.api;

import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.sync.KeptRejection;
import dev.sightline.platform.sync.SyncService;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RunController {
  private final SyncService sync;

  RunController(SyncService sync) {
    this.sync = sync;
  }

  @GetMapping("/api/v1/runs/{runId}")
  RunView get(@PathVariable UUID runId) {
    return sync.run(runId)
        .map(RunView::of)
        .orElseThrow(() -> new NotFoundException("No run has id " + runId));
  }

  /** The records the run could not store, each with its reasons (the first 1,000 of a run). */
  @GetMapping("/api/v1/runs/{runId}/rejections")
  List<KeptRejection> rejections(@PathVariable UUID runId) {
    get(runId);
    return sync.rejections(runId);
  }
}
