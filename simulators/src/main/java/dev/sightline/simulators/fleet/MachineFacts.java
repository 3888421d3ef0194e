package dev.sightline.simulators.fleet;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What a simulated tenant keeps of fleet machines {@code [offset, offset + hosts)} to build its
 * agents: one agent per machine, two for a reimaged machine (the old agent stopped reporting at the
 * reimage). Computed in parallel without keeping machines, since each depends only on (seed,
 * index); facts are indexed by {@code i}, the machine's place in the tenant. Immutable.
 */
public final class MachineFacts {
  private final int offset;
  private final byte[] role;
  private final byte[] family;
  private final String[] name;
  private final long[] firstSeenAgo;
  private final long[] lastSeenAgo;
  private final long[] reimagedAgo;
  private final boolean[] joined;
  private final int reimaged;

  private MachineFacts(
      int offset,
      byte[] role,
      byte[] family,
      String[] name,
      long[] firstSeenAgo,
      long[] lastSeenAgo,
      long[] reimagedAgo,
      boolean[] joined) {
    this.offset = offset;
    this.role = role;
    this.family = family;
    this.name = name;
    this.firstSeenAgo = firstSeenAgo;
    this.lastSeenAgo = lastSeenAgo;
    this.reimagedAgo = reimagedAgo;
    this.joined = joined;
    this.reimaged = (int) Arrays.stream(reimagedAgo).filter(v -> v >= 0).count();
  }

  /** Collects the facts; {@code naming} gives the name the vendor shows for a machine. */
  public static MachineFacts collect(
      Fleet fleet, int offset, int hosts, Function<Machine, String> naming) {
    byte[] role = new byte[hosts];
    byte[] family = new byte[hosts];
    String[] name = new String[hosts];
    long[] first = new long[hosts];
    long[] last = new long[hosts];
    long[] reimagedAgo = new long[hosts];
    boolean[] joined = new boolean[hosts];
    IntStream.range(0, hosts)
        .parallel()
        .forEach(
            i -> {
              Machine m = fleet.machine((long) offset + i);
              role[i] = (byte) m.role().ordinal();
              family[i] = (byte) m.os().family().ordinal();
              name[i] = naming.apply(m);
              first[i] = m.firstSeenAgo().getSeconds();
              last[i] = m.lastSeenAgo().getSeconds();
              reimagedAgo[i] = m.reimagedAgo().map(d -> d.getSeconds()).orElse(-1L);
              joined[i] = !m.dnsDomain().isEmpty();
            });
    return new MachineFacts(offset, role, family, name, first, last, reimagedAgo, joined);
  }

  /**
   * One agent of the tenant, numbered in fleet order, the old agent of a reimaged machine first.
   */
  @FunctionalInterface
  public interface AgentSink {
    /**
     * @param agent the agent's number
     * @param machine the fleet index of its machine
     * @param generation 0 for a machine's first agent, 1 for the agent after a reimage
     * @param old whether this is the agent that stopped reporting at the reimage
     * @param i the machine's place in the tenant, for the other accessors
     */
    void agent(int agent, int machine, int generation, boolean old, int i);
  }

  /** Visits every agent in order. */
  public void forEachAgent(AgentSink sink) {
    int agent = 0;
    for (int i = 0; i < name.length; i++) {
      int generations = reimagedAgo[i] >= 0 ? 2 : 1;
      for (int g = 0; g < generations; g++) {
        sink.agent(agent++, offset + i, g, generations == 2 && g == 0, i);
      }
    }
  }

  /** Agents in the tenant: one per machine plus one per reimaged machine. */
  public int agents() {
    return name.length + reimaged;
  }

  public int reimaged() {
    return reimaged;
  }

  /**
   * When an agent was first seen, in epoch seconds; the new agent of a reimaged machine two hours
   * after it.
   */
  public long firstSeen(int i, boolean old, long anchorEpochSecond) {
    if (reimagedAgo[i] >= 0 && !old) {
      return anchorEpochSecond - reimagedAgo[i] + 7200;
    }
    return anchorEpochSecond - firstSeenAgo[i];
  }

  /**
   * When an agent was last seen, in epoch seconds; the old agent of a reimaged machine an hour
   * before it.
   */
  public long lastSeen(int i, boolean old, long anchorEpochSecond) {
    if (reimagedAgo[i] >= 0 && old) {
      return anchorEpochSecond - reimagedAgo[i] - 3600;
    }
    return anchorEpochSecond - lastSeenAgo[i];
  }

  public byte role(int i) {
    return role[i];
  }

  public byte family(int i) {
    return family[i];
  }

  /** Whether the machine is joined to a directory domain (Active Directory for Windows). */
  public boolean joined(int i) {
    return joined[i];
  }

  public String name(int i) {
    return name[i];
  }
}
