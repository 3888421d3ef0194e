package dev.sightline.simulators.fleet;

/** How a machine is hosted; drives hardware, adapters and naming. */
enum Deployment {
  PHYSICAL,
  /** A home-built or unbranded PC whose firmware carries placeholder strings. */
  WHITEBOX,
  VMWARE,
  HYPERV,
  AWS,
  AZURE,
  GCP;

  boolean cloud() {
    return this == AWS || this == AZURE || this == GCP;
  }

  boolean virtualMachine() {
    return this == VMWARE || this == HYPERV || cloud();
  }
}
