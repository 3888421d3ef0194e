package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.StableHash;

/**
 * The {@code unlisted-hosts:P%} fault: a deterministic share of the managed machines that Discover
 * never returns, although their Spotlight findings (with full {@code host_info}) and their Devices
 * records remain, as when findings arrive for a host the hosts stream never listed. Both agents of
 * a reimaged machine are hidden together. Immutable.
 */
final class UnlistedHosts {
  private static final long SALT = StableHash.salt("cs.unlisted-hosts");
  private static final int SCALE = 10_000;

  private final AgentDirectory agents;
  private final long seed;
  private final int threshold;
  private final int machines;

  UnlistedHosts(AgentDirectory agents, long seed, double rate) {
    this.agents = agents;
    this.seed = seed;
    this.threshold = (int) Math.round(rate * SCALE);
    int hidden = 0;
    for (int slot = 0; slot < agents.count(); slot++) {
      if (!agents.stale(slot) && hidden(slot)) {
        hidden++; // one live agent per machine: counts machines, not agents
      }
    }
    this.machines = hidden;
  }

  /** Whether Discover leaves this slot out. Unmanaged assets are never hidden. */
  boolean hidden(int slot) {
    return threshold > 0
        && agents.managed(slot)
        && Long.remainderUnsigned(StableHash.of(seed, agents.machineIndex(slot), SALT), SCALE)
            < threshold;
  }

  /** Machines hidden (a reimaged machine once). */
  int machines() {
    return machines;
  }
}
