package dev.sightline.simulators.fleet;

public enum CloudProvider {
  AWS,
  AZURE,
  GCP
}
