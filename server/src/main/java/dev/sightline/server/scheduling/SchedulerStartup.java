package dev.sightline.server.scheduling;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.intel.IntelUpdate;
import dev.sightline.platform.intel.IntelUpdater;
import dev.sightline.platform.retention.StaleAssets;
import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Joins the cluster once the server is ready to answer: makes Quartz hold every connector's
 * schedule (connectors stored before scheduling existed included), registers the daily chores every
 * node knows (one node runs each), and starts this node's workers.
 */
@Component
class SchedulerStartup {
  /** Daily at 03:30 in the server's zone: after the feeds' own nightly publication. */
  static final String INTEL_UPDATE_CRON = "0 30 3 * * ?";

  /** Hourly, and after every run: purges come due with time, not only with runs. */
  static final String STALE_ASSETS_CRON = "0 15 * * * ?";

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerStartup.class);
  private final ClusterScheduler scheduler;
  private final ConnectorService connectors;
  private final IntelUpdater intel;
  private final BackgroundRescoring rescoring;
  private final Clock clock;
  private final StaleAssets staleAssets;

  SchedulerStartup(
      StaleAssets staleAssets,
      ClusterScheduler scheduler,
      ConnectorService connectors,
      IntelUpdater intel,
      BackgroundRescoring rescoring,
      Clock clock) {
    this.scheduler = scheduler;
    this.connectors = connectors;
    this.intel = intel;
    this.rescoring = rescoring;
    this.clock = clock;
    this.staleAssets = staleAssets;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    for (ConnectorView c : connectors.list()) {
      try {
        scheduler.apply(c.id());
      } catch (RuntimeException e) {
        LOG.warn("The schedule of connector {} could not be applied: {}", c.name(), e.getMessage());
      }
    }
    scheduler.chore("intel-update", INTEL_UPDATE_CRON, clock.getZone(), this::updateIntelligence);
    scheduler.chore("stale-assets", STALE_ASSETS_CRON, clock.getZone(), this::sweepStaleAssets);
    // An asset a run has just seen again leaves STALE at once, not at the next hour.
    scheduler.afterEachRun("stale-assets");
    rescoring.register();
    scheduler.start();
    rescoring.request(); // what an earlier stop left queued
  }

  private void sweepStaleAssets() {
    LOG.info("Stale assets: {}", staleAssets.sweep(clock.instant()));
  }

  private void updateIntelligence() {
    IntelUpdate update = intel.update();
    LOG.info("Daily intelligence update: {}", update.feeds());
    if (update.loadedAny()) {
      rescoring.request();
    }
  }
}
