package dev.sightline.server.runs;

import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.boot.ServerSettings;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Runs syncs on a small pool of worker threads, away from request threads. */
@Component
public class RunLauncher implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

  private final SyncService sync;
  private final ExecutorService workers;

  RunLauncher(SyncService sync, ServerSettings settings, Clock clock) {
    this.sync = sync;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.runThreads(),
            r -> {
              Thread t = new Thread(r, "sync-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    int abandoned =
        sync.runs()
            .abandonActive(
                "The server stopped while this run was in progress."
                    + " To fix: start a new run; it resumes from the last committed page.",
                clock.instant());
    if (abandoned > 0) {
      LOG.warn("{} run(s) left in progress by an earlier stop were marked ERRORED", abandoned);
    }
  }

  /** Records the run and starts it; returns at once. */
  public SyncRun start(UUID connectorId) {
    SyncRun run = sync.request(connectorId);
    workers.submit(() -> sync.execute(run.runId()));
    return run;
  }

  @Override
  public void destroy() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
  }
}
