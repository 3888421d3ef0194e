package dev.sightline.server.boot;

import dev.sightline.platform.scheduling.SchedulerSettings;
import dev.sightline.platform.sync.RunLease;
import java.time.Duration;
import java.util.Map;

/**
 * How fast the cluster notices a dead node: how long a run's lease lasts without renewal, and how
 * often a node checks in with the others (a node silent for the check-in interval plus Quartz's
 * fixed 7.5 s is taken for dead and its runs are recovered). The defaults suit production; a
 * shorter lease lets a restarted node take a killed node's run over sooner, as the crash tests do.
 * A lease must outlast the longest page commit of a live node, or another node takes its run over.
 *
 * @param lease SIGHTLINE_RUN_LEASE_SECONDS (default 45)
 * @param checkin SIGHTLINE_CLUSTER_CHECKIN_SECONDS (default 5)
 */
public record ClusterTimings(Duration lease, Duration checkin) {

  public static ClusterTimings defaults() {
    return new ClusterTimings(RunLease.DEFAULT, SchedulerSettings.defaults().checkin());
  }

  public static ClusterTimings fromEnvironment(Map<String, String> env) {
    ClusterTimings d = defaults();
    return new ClusterTimings(
        seconds(env, "SIGHTLINE_RUN_LEASE_SECONDS", d.lease(), 3600),
        seconds(env, "SIGHTLINE_CLUSTER_CHECKIN_SECONDS", d.checkin(), 300));
  }

  private static Duration seconds(Map<String, String> env, String name, Duration dflt, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= max) {
        return Duration.ofSeconds(n);
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        name + " is '" + raw + "': set it to a whole number of seconds from 1 to " + max);
  }
}
