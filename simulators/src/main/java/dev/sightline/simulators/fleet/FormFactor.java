package dev.sightline.simulators.fleet;

public enum FormFactor {
  LAPTOP,
  DESKTOP,
  SERVER,
  VIRTUAL_MACHINE
}
