package dev.sightline.server.scoring;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.scheduling.ClusterScheduler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the rescore queue as its own claimed work on the cluster: a chore of the scheduler, run by
 * one node at a time and recovered by another if that node dies, asked for after a setting changed
 * every asset's score (weights, default criticality, a severity mapping) or new intelligence
 * arrived, and every few minutes for what is left (expired decisions included). The request that
 * changed a setting returns at once. The queue itself is durable and each batch is claimed in its
 * transaction, so no asset is scored twice or lost.
 */
public class BackgroundRescoring {
  static final String CHORE = "rescore";

  /** Every five minutes: what runs, intelligence and settings left queued, and expiries. */
  public static final String CRON = "0 0/5 * * * ?";

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRescoring.class);

  private final ScoreRefresher refresher;
  private final Jdbc jdbc;
  private final ClusterScheduler scheduler;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong scored = new AtomicLong();

  public BackgroundRescoring(ScoreRefresher refresher, Jdbc jdbc, ClusterScheduler scheduler) {
    this.refresher = refresher;
    this.jdbc = jdbc;
    this.scheduler = scheduler;
  }

  /** What the queue holds and whether a drain is under way on this node. */
  public record Status(long pendingAssets, boolean draining, long scoredSinceStart) {}

  /** Registers the drain as a chore of the cluster; called once the scheduler is set up. */
  public void register() {
    scheduler.chore(CHORE, CRON, java.time.ZoneOffset.UTC, this::drain);
  }

  /** Asks some node of the cluster to drain the queue now. */
  public void request() {
    try {
      scheduler.runChoreNow(CHORE);
    } catch (RuntimeException e) {
      // The queue is durable: the chore's next regular run drains it.
      LOG.warn(
          "Could not ask for a rescoring now ({}); it runs within five minutes", e.getMessage());
    }
  }

  public Status status() {
    long pending = RescoreQueue.pending(jdbc);
    return new Status(pending, running.get() || pending > 0, scored.get());
  }

  private void drain() {
    running.set(true);
    try {
      long pending = RescoreQueue.pending(jdbc);
      LOG.info("Rescoring {} queued asset(s)", pending);
      long[] next = {10_000};
      ScoreRefresher.Outcome outcome =
          refresher.drain(
              done -> {
                if (done >= next[0]) {
                  LOG.info("Rescored {} of about {} asset(s)", done, pending);
                  next[0] += 10_000;
                }
              });
      scored.addAndGet(outcome.assetsScored());
      if (outcome.assetsScored() > 0) {
        LOG.info(
            "Rescored {} asset(s): {} risk score(s) and {} finding score(s) changed",
            outcome.assetsScored(),
            outcome.assetsChanged(),
            outcome.findingsChanged());
      }
    } finally {
      running.set(false);
    }
  }
}
