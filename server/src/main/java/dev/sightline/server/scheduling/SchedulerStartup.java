package dev.sightline.server.scheduling;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.scheduling.ClusterScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Joins the cluster once the server is ready to answer: makes Quartz hold every connector's
 * schedule (connectors stored before scheduling existed included) and starts this node's workers.
 */
@Component
class SchedulerStartup {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerStartup.class);
  private final ClusterScheduler scheduler;
  private final ConnectorService connectors;

  SchedulerStartup(ClusterScheduler scheduler, ConnectorService connectors) {
    this.scheduler = scheduler;
    this.connectors = connectors;
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
    scheduler.start();
  }
}
