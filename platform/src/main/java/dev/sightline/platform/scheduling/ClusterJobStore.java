package dev.sightline.platform.scheduling;

import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Quartz's JDBC job store under one cluster name whatever the local scheduler is called: Quartz
 * keys its in-process registry by scheduler name, so two nodes in one JVM (tests) need distinct
 * scheduler names, while the rows they share in PostgreSQL must carry the same one.
 */
public final class ClusterJobStore extends JobStoreTX {
  static final String CLUSTER = "sightline";

  @Override
  public void setInstanceName(String instanceName) {
    super.setInstanceName(CLUSTER);
  }
}
