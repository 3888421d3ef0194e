package dev.sightline.platform.scheduling;

import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector's runs, as a Quartz job: a schedule's occurrence records and claims a SCHEDULE run;
 * "Run now" executes the MANUAL run it names; a recovery (the node that fired it died) takes the
 * connector's run over once its lease has expired and goes on from the last committed page. Quartz
 * never runs one connector's job twice at once, on any node.
 */
@DisallowConcurrentExecution
final class SyncJob implements InterruptableJob {
  static final String RUN_ID = "runId";
  private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);

  private final SyncService sync;
  private final dev.sightline.platform.connectors.ConnectorService connectors;
  private final Clock clock;
  private final Runnable afterRun;
  private volatile Thread worker;

  /**
   * @param afterRun what follows every run this job executed, whatever its outcome (the chores that
   *     want a fresh inventory)
   */
  SyncJob(
      SyncService sync,
      dev.sightline.platform.connectors.ConnectorService connectors,
      Clock clock,
      Runnable afterRun) {
    this.sync = sync;
    this.connectors = connectors;
    this.clock = clock;
    this.afterRun = afterRun;
  }

  @Override
  public void execute(JobExecutionContext context) {
    worker = Thread.currentThread();
    try {
      UUID connectorId = UUID.fromString(context.getJobDetail().getKey().getName());
      Optional<UUID> runId =
          Optional.ofNullable(context.getMergedJobDataMap().getString(RUN_ID))
              .map(UUID::fromString);
      if (context.isRecovering()) {
        recover(connectorId, runId);
      } else if (runId.isPresent()) {
        sync.execute(runId.get());
      } else {
        sync.requestScheduled(connectorId, occurrence(connectorId, context))
            .ifPresent(run -> sync.execute(run.runId()));
      }
      if (!Thread.currentThread().isInterrupted()) {
        afterRun.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // SyncService.execute records its own failures; this is a failure around it.
      LOG.error("A scheduled run could not start", e);
    } finally {
      worker = null;
    }
  }

  /**
   * The occurrence this firing stands for. After a misfire (every node was down or busy) Quartz
   * fires once, now, and forgets the missed time; it is the schedule's first occurrence after the
   * trigger's previous firing (or its start), so the run can say how late it is.
   */
  private Instant occurrence(UUID connectorId, JobExecutionContext context) {
    Instant fired = context.getScheduledFireTime().toInstant();
    Instant after =
        Optional.ofNullable(context.getPreviousFireTime())
            .map(java.util.Date::toInstant)
            .orElse(context.getTrigger().getStartTime().toInstant().minusMillis(1));
    return connectors
        .stored(connectorId)
        .schedule()
        .flatMap(s -> s.nextRuns(after, 1).stream().findFirst())
        .filter(missed -> missed.isBefore(fired))
        .orElse(fired);
  }

  /**
   * The node that fired this job died: take its run over once the lease it held runs out (it may
   * only be slow, then it renews and keeps the run), or start the run it had not claimed yet.
   */
  private void recover(UUID connectorId, Optional<UUID> runId) throws InterruptedException {
    Optional<UUID> active = sync.runs().activeRun(connectorId).or(() -> runId);
    if (active.isEmpty()) {
      LOG.info("Recovery of connector {}: no run was left in flight", connectorId);
      return;
    }
    UUID id = active.get();
    Instant giveUpAt = clock.instant().plus(sync.lease().duration().multipliedBy(3));
    while (true) {
      SyncRun run = sync.runs().find(id).orElse(null);
      if (run == null || !run.state().active()) {
        return;
      }
      if (run.state() == RunState.SCHEDULED) {
        sync.execute(id);
        return;
      }
      Optional<SyncRun> taken = sync.takeOver(id);
      if (taken.isPresent()) {
        LOG.warn(
            "Took over run {} of connector {} from node {}, whose lease expired",
            id,
            connectorId,
            run.claim().owner().orElse("?"));
        sync.execute(id);
        return;
      }
      if (clock.instant().isAfter(giveUpAt)) {
        LOG.info("Run {} is still held by a live node; leaving it", id);
        return;
      }
      Thread.sleep(Duration.ofSeconds(2).toMillis());
    }
  }

  @Override
  public void interrupt() {
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }
}
