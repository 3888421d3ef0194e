package dev.sightline.simulators.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, unbounded fleet of machines for one seed. Machine {@code i} is computed from a
 * hash of (seed, i) alone, so any window {@code [offset, offset + n)} can be drawn without building
 * the others, and two simulators with the same seed see the same machines.
 *
 * <p>The fleet holds the traps real inventories have: pairs of machines sharing a hostname (every
 * 250th machine from index 17 takes the previous machine's name), placeholder serial numbers
 * (whitebox PCs, every 250th from index 99), a reimaged machine every 250th from index 42, VMware
 * (00-50-56), Hyper-V (00-15-5D) and Docker (02-42) adapters, and cloud instances.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fleet {
  private final long seed;
  private final MachineFactory factory;

  public Fleet(long seed) {
    this.seed = seed;
    this.factory = new MachineFactory(seed);
  }

  public long seed() {
    return seed;
  }

  public Machine machine(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("machine index must be >= 0: " + index);
    }
    return factory.build(index);
  }

  /** Machines {@code [offset, offset + count)}, built eagerly; for small windows only. */
  public List<Machine> machines(long offset, int count) {
    List<Machine> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(machine(offset + i));
    }
    return out;
  }
}
