package dev.sightline.platform.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The node that claims runs and how long its claim lasts without renewal. A node renews the lease
 * of its runs on every committed page and on a heartbeat; another node takes a run over only once
 * the lease has run out, so a slow node is never robbed of a live run.
 */
public record RunLease(String node, Duration duration) {
  public static final Duration DEFAULT = Duration.ofSeconds(45);

  public RunLease {
    Objects.requireNonNull(node, "node");
    if (node.isBlank() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a lease needs a node name and a positive duration");
    }
  }

  /** A single process's lease, for tools and tests that run syncs without a cluster. */
  public static RunLease local() {
    return new RunLease("local", DEFAULT);
  }

  public Instant until(Instant now) {
    return now.plus(duration);
  }
}
