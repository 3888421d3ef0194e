package dev.sightline.platform.sync;

/** What started a run: its schedule, a person ("Run now"), or a node taking over a dead one's. */
public enum RunTrigger {
  SCHEDULE,
  MANUAL,
  RECOVERY
}
