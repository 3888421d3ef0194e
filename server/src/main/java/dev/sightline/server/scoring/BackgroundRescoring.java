package dev.sightline.server.scoring;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drains the rescore queue on one background thread after a setting changed every asset's score
 * (weights, default criticality, a severity mapping), so the request that changed it returns at
 * once. Also drains what an earlier stop left queued.
 */
@Component
public class BackgroundRescoring implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRescoring.class);

  private final ScoreRefresher refresher;
  private final Jdbc jdbc;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rescoring");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean requested = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong scored = new AtomicLong();

  BackgroundRescoring(ScoreRefresher refresher, Jdbc jdbc) {
    this.refresher = refresher;
    this.jdbc = jdbc;
    request();
  }

  /** What the queue holds and whether a drain is under way. */
  public record Status(long pendingAssets, boolean draining, long scoredSinceStart) {}

  /** Asks for a drain; several requests while one is waiting make one drain. */
  public void request() {
    if (requested.compareAndSet(false, true)) {
      worker.submit(this::drain);
    }
  }

  public Status status() {
    return new Status(RescoreQueue.pending(jdbc), requested.get() || running.get(), scored.get());
  }

  private void drain() {
    running.set(true);
    requested.set(false);
    try {
      long pending = RescoreQueue.pending(jdbc);
      if (pending == 0) {
        return;
      }
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
      LOG.info(
          "Rescored {} asset(s): {} risk score(s) and {} finding score(s) changed",
          outcome.assetsScored(),
          outcome.assetsChanged(),
          outcome.findingsChanged());
    } catch (RuntimeException e) {
      // The queue is durable: what was not rescored stays queued for the next drain.
      LOG.error("Rescoring stopped; queued assets stay queued for the next run or change", e);
    } finally {
      running.set(false);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(30, TimeUnit.SECONDS);
  }
}
