package dev.sightline.server.runs;

import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.platform.sync.SyncRun;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Run now": the run is recorded SCHEDULED and handed to the cluster's workers through the same job
 * a schedule fires; a worker of this node or another one claims it.
 */
@Component
public class RunLauncher {
  private final ClusterScheduler scheduler;

  RunLauncher(ClusterScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Records the run and hands it to a worker; returns at once. */
  public SyncRun start(UUID connectorId) {
    return scheduler.runNow(connectorId);
  }
}
