package dev.sightline.simulators.fleet;

public enum OsFamily {
  WINDOWS,
  MAC,
  LINUX
}
