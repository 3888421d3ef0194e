package dev.sightline.simulators.fleet;

/** Independent draw streams per concern, so adding a draw to one never shifts the others. */
final class Salts {
  static final long PROFILE = StableHash.salt("fleet.profile");
  static final long HOSTNAME = StableHash.salt("fleet.hostname");
  static final long OS = StableHash.salt("fleet.os");
  static final long HARDWARE = StableHash.salt("fleet.hardware");
  static final long NETWORK = StableHash.salt("fleet.network");
  static final long CLOUD = StableHash.salt("fleet.cloud");
  static final long TIMES = StableHash.salt("fleet.times");
  static final long DOMAIN = StableHash.salt("fleet.domain");

  private Salts() {}
}
