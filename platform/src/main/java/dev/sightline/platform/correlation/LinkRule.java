package dev.sightline.platform.correlation;

/**
 * Why a source record belongs to its asset, strongest first. Correlation tries the rules in this
 * order and never links on an IP address alone.
 */
public enum LinkRule {
  /** Same cloud provider and instance id. */
  CLOUD_INSTANCE,
  /** Same BIOS serial (not a placeholder) and the same manufacturer. */
  SERIAL_MANUFACTURER,
  /** A shared MAC address that is neither virtual, randomized, zero nor broadcast. */
  STRONG_MAC,
  /** Same short host name and the same domain, with no conflicting stronger key. */
  HOSTNAME_DOMAIN,
  /**
   * Same short host name, no conflicting domain, and a shared virtual-NIC MAC (VMware, Hyper-V,
   * cloud): neither alone identifies a machine, together they do.
   */
  HOSTNAME_VIRTUAL_MAC,
  /** The first record of a new asset: nothing matched. */
  NEW_ASSET,
  /** Moved into an asset of its own by a user's unlink. */
  SPLIT_BY_USER,
  /**
   * The record an asset starts from after the records it was linked through were purged with their
   * connector: the asset's other records are linked to it anew.
   */
  KEPT_AFTER_PURGE
}
