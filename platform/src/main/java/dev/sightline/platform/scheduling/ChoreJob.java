package dev.sightline.platform.scheduling;

import java.util.Map;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A housekeeping chore (by its job name), on one node of the cluster at a time. */
@DisallowConcurrentExecution
final class ChoreJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ChoreJob.class);
  private final Map<String, Runnable> chores;

  ChoreJob(Map<String, Runnable> chores) {
    this.chores = chores;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String name = context.getJobDetail().getKey().getName();
    Runnable work = chores.get(name);
    if (work == null) {
      LOG.warn("No chore named {} on this node; skipped", name);
      return;
    }
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.error("Chore {} failed; it runs again at its next time", name, e);
    }
  }
}
