package dev.sightline.platform.scheduling;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.StoredConnector;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.schedule.Schedule;
import dev.sightline.platform.schedule.ScheduleTriggers;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part of the cluster: Quartz with its JDBC job store in clustered mode on the shared
 * PostgreSQL, so a schedule fires on one node only and a dead node's runs are recovered by another.
 * Each connector is one durable job; its schedule is one trigger; "Run now" is a one-off trigger of
 * the same job. Also renews the leases of this node's runs and ends runs no node can finish any
 * more.
 */
public final class ClusterScheduler implements AutoCloseable {
  static final String CONNECTORS = "connector";
  static final String SCHEDULES = "schedule";
  static final String HOUSEKEEPING = "housekeeping";

  /** The schedule a trigger was built from, kept in its data to tell an edit from a restart. */
  static final String SCHEDULE_ASKED = "schedule";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterScheduler.class);

  /**
   * A run whose lease expired this long ago, and that no node took over (its node stopped cleanly,
   * or its job was not recovered), is put back in line for any node.
   */
  private static final Duration ORPHANED_AFTER = Duration.ofMinutes(1);

  private final SyncService sync;
  private final ConnectorService connectors;
  private final Clock clock;
  private final Scheduler quartz;
  private final Map<String, Runnable> chores = new ConcurrentHashMap<>();
  private final java.util.Set<String> afterRuns = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat;

  public ClusterScheduler(
      DataSource dataSource,
      SyncService sync,
      ConnectorService connectors,
      Clock clock,
      SchedulerSettings settings) {
    this.sync = sync;
    this.connectors = connectors;
    this.clock = clock;
    String node = sync.lease().node();
    String pool = "sightline-" + node;
    DBConnectionManager.getInstance()
        .addConnectionProvider(pool, new PooledConnections(dataSource));
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "sightline-" + node);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, node);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INTERRUPT_JOBS_ON_SHUTDOWN, "true");
    p.setProperty(StdSchedulerFactory.PROP_SCHED_IDLE_WAIT_TIME, "5000");
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.workers()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "sightline-worker");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, ClusterJobStore.class.getName());
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", pool);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval",
        String.valueOf(settings.checkin().toMillis()));
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      this.quartz = factory.getScheduler();
      quartz.setJobFactory(
          (bundle, scheduler) -> job(bundle.getJobDetail().getJobClass(), bundle.getJobDetail()));
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot set up the scheduler: " + e.getMessage(), e);
    }
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sightline-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  private Job job(Class<? extends Job> type, JobDetail detail) {
    if (type == SyncJob.class) {
      return new SyncJob(sync, connectors, clock, this::afterRun);
    }
    if (type == ChoreJob.class) {
      return new ChoreJob(chores);
    }
    throw new IllegalStateException("Unknown job class " + type.getName());
  }

  /** Starts firing: this node's workers take part in the cluster from now on. */
  public void start() {
    try {
      quartz.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot start the scheduler: " + e.getMessage(), e);
    }
    long every = Math.max(1, sync.lease().duration().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    LOG.info("Scheduler started on node {}", sync.lease().node());
  }

  /** The node's name in the cluster. */
  public String node() {
    return sync.lease().node();
  }

  /**
   * Makes Quartz hold what the connector's row says: its job, and its schedule's trigger unless the
   * schedule has ended or the connector must not be scheduled.
   */
  public void apply(UUID connectorId) {
    StoredConnector c = connectors.stored(connectorId);
    try {
      ensureJob(connectorId);
      TriggerKey key = TriggerKey.triggerKey(connectorId.toString(), SCHEDULES);
      // A draft never runs; a schedule past its window has nothing left to fire.
      Optional<Schedule> schedule =
          c.schedule().filter(s -> !c.draft() && !s.endedBy(clock.instant()));
      if (schedule.isEmpty()) {
        quartz.unscheduleJob(key);
        return;
      }
      String asked = schedule.get().toString();
      Trigger existing = quartz.getTrigger(key);
      if (existing != null && asked.equals(existing.getJobDataMap().getString(SCHEDULE_ASKED))) {
        // Unchanged: keep the stored trigger, so an occurrence missed while every node was down
        // still fires once, late (a new trigger would start after it).
        return;
      }
      Trigger trigger =
          ScheduleTriggers.trigger(schedule.get(), key, clock.instant())
              .getTriggerBuilder()
              .forJob(jobKey(connectorId))
              .usingJobData(SCHEDULE_ASKED, asked)
              .build();
      if (existing != null) {
        quartz.rescheduleJob(key, trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException(
          "Cannot store the schedule of connector " + connectorId + ": " + e.getMessage(), e);
    }
  }

  /** Forgets the connector's job and its triggers (the connector was deleted). */
  public void remove(UUID connectorId) {
    try {
      quartz.deleteJob(jobKey(connectorId));
    } catch (SchedulerException e) {
      throw new IllegalStateException(
          "Cannot remove the schedule of connector " + connectorId + ": " + e.getMessage(), e);
    }
  }

  /** When the connector's schedule fires next, if it is scheduled. */
  public Optional<Instant> nextFire(UUID connectorId) {
    try {
      Trigger t = quartz.getTrigger(TriggerKey.triggerKey(connectorId.toString(), SCHEDULES));
      return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(d -> d.toInstant());
    } catch (SchedulerException e) {
      return Optional.empty();
    }
  }

  /**
   * "Run now": records a MANUAL run, SCHEDULED until a worker of any node takes it, through the
   * same job a schedule fires.
   */
  public SyncRun runNow(UUID connectorId) {
    SyncRun run = sync.request(connectorId);
    try {
      trigger(connectorId, run.runId());
    } catch (SchedulerException | RuntimeException e) {
      sync.runs()
          .finished(
              run.runId(),
              RunState.ERRORED,
              Optional.of(
                  "The run could not be handed to a worker ("
                      + e.getMessage()
                      + "). To fix: check the database connection and start the run again."),
              clock.instant());
      throw new IllegalStateException("Cannot hand the run to a worker: " + e.getMessage(), e);
    }
    return run;
  }

  /**
   * A chore every node knows, run by one node of the cluster at a time on a cron schedule in the
   * given zone (intelligence update, stale assets); {@code work} must be safe to run again.
   */
  public void chore(String name, String cron, java.time.ZoneId zone, Runnable work) {
    chores.put(name, work);
    JobKey key = JobKey.jobKey(name, HOUSEKEEPING);
    try {
      JobDetail job =
          JobBuilder.newJob(ChoreJob.class)
              .withIdentity(key)
              .storeDurably()
              .requestRecovery()
              .build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity(name, HOUSEKEEPING)
              .forJob(key)
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(cron)
                      .inTimeZone(java.util.TimeZone.getTimeZone(zone))
                      .withMisfireHandlingInstructionFireAndProceed())
              .build();
      quartz.addJob(job, true, true);
      if (quartz.checkExists(trigger.getKey())) {
        quartz.rescheduleJob(trigger.getKey(), trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot schedule " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Also runs the named chore after every sync (on some node, one at a time), for chores whose
   * answer a run changes, such as which assets are stale.
   */
  public void afterEachRun(String choreName) {
    afterRuns.add(choreName);
  }

  private void afterRun() {
    for (String name : afterRuns) {
      try {
        runChoreNow(name);
      } catch (RuntimeException e) {
        LOG.warn("Could not start {} after a run: {}", name, e.getMessage());
      }
    }
  }

  /** Runs a chore now on some node of the cluster. */
  public void runChoreNow(String name) {
    try {
      quartz.triggerJob(JobKey.jobKey(name, HOUSEKEEPING));
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** A one-off trigger of the connector's job for a run waiting in line. */
  private void trigger(UUID connectorId, UUID runId) throws SchedulerException {
    ensureJob(connectorId);
    JobDataMap data = new JobDataMap();
    data.put(SyncJob.RUN_ID, runId.toString());
    quartz.scheduleJob(
        TriggerBuilder.newTrigger()
            .withIdentity(runId + "-" + UUID.randomUUID(), "manual")
            .forJob(jobKey(connectorId))
            .usingJobData(data)
            .startNow()
            .build());
  }

  private void ensureJob(UUID connectorId) throws SchedulerException {
    JobKey key = jobKey(connectorId);
    if (quartz.checkExists(key)) {
      return;
    }
    try {
      quartz.addJob(
          JobBuilder.newJob(SyncJob.class)
              .withIdentity(key)
              .storeDurably()
              .requestRecovery()
              .build(),
          false);
    } catch (ObjectAlreadyExistsException e) {
      // another node added it first
    }
  }

  private static JobKey jobKey(UUID connectorId) {
    return JobKey.jobKey(connectorId.toString(), CONNECTORS);
  }

  /** Renews this node's leases; ends runs no node holds any more and nobody took over. */
  void beat() {
    try {
      Instant now = clock.instant();
      sync.runs().heartbeat(node(), sync.lease().until(now), now);
      Instant cutoff = now.minus(ORPHANED_AFTER);
      for (SyncRun orphan : sync.runs().leaseExpiredBefore(cutoff)) {
        if (sync.runs().requeue(orphan.runId(), cutoff)) {
          resume(orphan, now);
        }
      }
      for (SyncRun waiting : sync.runs().waitingSince(now.minus(Duration.ofMinutes(10)))) {
        if (!hasTrigger(waiting.connectorId())) {
          sync.runs()
              .finished(
                  waiting.runId(),
                  RunState.ERRORED,
                  Optional.of(
                      "No worker took this run (its trigger was lost). To fix: start the run"
                          + " again."),
                  now);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Heartbeat failed (will retry): {}", e.getMessage());
    }
  }

  /** Hands a requeued run to the workers; a run that cannot be handed on is given up. */
  private void resume(SyncRun run, Instant now) {
    try {
      trigger(run.connectorId(), run.runId());
      LOG.warn(
          "Run {} of connector {}: node {} stopped holding it; requeued for any node",
          run.runId(),
          run.connectorId(),
          run.claim().owner().orElse("?"));
    } catch (SchedulerException | RuntimeException e) {
      giveUp(run, now);
    }
  }

  private void giveUp(SyncRun run, Instant now) {
    String owner = run.claim().owner().orElse("unknown");
    String reason =
        "Node "
            + owner
            + " stopped renewing its lease on this run at "
            + run.claim().leaseUntil().map(Instant::toString).orElse("an unknown time")
            + " and it could not be handed to another node. To fix: start a new run; it resumes"
            + " from the last committed page.";
    sync.runs().finished(run.runId(), RunState.ERRORED, Optional.of(reason), now);
    try {
      connectors.updateState(
          run.connectorId(),
          dev.sightline.platform.connectors.ConnectorState.ERRORED,
          run.runId(),
          reason);
    } catch (NotFoundException e) {
      // the connector is gone; its run ended with it
    }
    LOG.warn("Run {}: {}", run.runId(), reason);
  }

  private boolean hasTrigger(UUID connectorId) {
    try {
      return !quartz.getTriggersOfJob(jobKey(connectorId)).isEmpty();
    } catch (SchedulerException e) {
      return true; // cannot tell: do not end a run that may yet start
    }
  }

  /**
   * Stops this node's workers; runs in progress are interrupted and left for another node (or this
   * one when it starts again), which resumes them from their last committed page.
   */
  @Override
  public void close() {
    sync.stopping();
    heartbeat.shutdownNow();
    try {
      quartz.shutdown(false);
    } catch (SchedulerException e) {
      LOG.warn("Scheduler did not stop cleanly: {}", e.getMessage());
    }
  }
}
