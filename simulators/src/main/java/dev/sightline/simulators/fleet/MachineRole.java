package dev.sightline.simulators.fleet;

/** What a machine is for; vendors name these differently (CrowdStrike product types 1, 2, 3). */
public enum MachineRole {
  WORKSTATION,
  SERVER,
  DOMAIN_CONTROLLER
}
