package dev.sightline.simulators.crowdstrike;

/** Spotlight vulnerability statuses, in the lower case the API uses. */
enum VulnStatus {
  OPEN("open"),
  CLOSED("closed"),
  REOPEN("reopen"),
  EXPIRED("expired");

  private final String wire;

  VulnStatus(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }
}
