package dev.sightline.platform.scheduling;

import java.time.Duration;

/**
 * How this node takes part in the cluster.
 *
 * @param workers concurrent jobs (runs) on this node: SIGHTLINE_WORKERS
 * @param checkin how often the node tells the others it is alive; a node silent for this plus 7.5 s
 *     is taken for dead and its jobs are recovered
 */
public record SchedulerSettings(int workers, Duration checkin) {
  public SchedulerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException(
          "SIGHTLINE_WORKERS must be at least 1 (it was " + workers + ")");
    }
  }

  public static SchedulerSettings defaults() {
    return new SchedulerSettings(2, Duration.ofSeconds(5));
  }
}
