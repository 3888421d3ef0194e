package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineFacts;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.RankedIds;
import dev.sightline.simulators.fleet.StableHash;

/**
 * The endpoints (agents) a tenant shows for fleet machines {@code [offset, offset + hosts)}: one
 * per machine, two for a reimaged machine (the old agent stopped reporting at the reimage, the new
 * one has another {@code endpoint_id}). Endpoint {@code e} is numbered in fleet order, old agent
 * first. Per-endpoint facts live in primitive arrays; full {@link Machine} objects are rebuilt from
 * the fleet when a response needs them. Endpoints are also ranked by {@code endpoint_id}, which is
 * the natural order of the XQL datasets.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class EndpointDirectory {
  private static final long SALT_ID = StableHash.salt("cx.endpoint-id");
  private static final long SALT_MILLIS = StableHash.salt("cx.millis");

  /**
   * CrowdStrike's agent-id salt. The catalogue walk of an endpoint starts from the key the
   * CrowdStrike simulator uses for the same machine and generation, so one machine shows
   * overlapping CVEs in both tenants ({@code OneFleetIT} checks it).
   */
  private static final long SALT_HOST_KEY = StableHash.salt("cs.aid");

  private static final long DAY_MS = 86_400_000L;

  private final Fleet fleet;
  private final long seed;
  private final long anchorMs;
  private final int count;
  private final int reimagedMachines;
  private final int[] machineOf;
  private final byte[] generation;
  private final boolean[] stale;
  private final long[] idHi;
  private final long[] idLo;
  private final long[] firstSeen;
  private final long[] lastSeen;
  private final byte[] family;
  private final byte[] role;
  private final String[] names;
  private final RankedIds ids;

  EndpointDirectory(Fleet fleet, int offset, int hosts, long anchorEpochSecond) {
    this.fleet = fleet;
    this.seed = fleet.seed();
    this.anchorMs = anchorEpochSecond * 1000;
    MachineFacts facts = MachineFacts.collect(fleet, offset, hosts, CortexRendering::endpointName);
    this.reimagedMachines = facts.reimaged();
    this.count = facts.agents();
    this.machineOf = new int[count];
    this.generation = new byte[count];
    this.stale = new boolean[count];
    this.idHi = new long[count];
    this.idLo = new long[count];
    this.firstSeen = new long[count];
    this.lastSeen = new long[count];
    this.family = new byte[count];
    this.role = new byte[count];
    this.names = new String[count];
    facts.forEachAgent(
        (e, machine, gen, old, i) -> fill(e, machine, gen, old, facts, i, anchorEpochSecond));
    this.ids = new RankedIds(idHi, idLo);
  }

  private void fill(
      int e, int machine, int gen, boolean old, MachineFacts facts, int i, long anchor) {
    machineOf[e] = machine;
    generation[e] = (byte) gen;
    stale[e] = old;
    idHi[e] = StableHash.of(seed, machine, gen, SALT_ID);
    idLo[e] = StableHash.of(idHi[e], gen, SALT_ID);
    // Cortex keeps milliseconds; the fleet keeps seconds, so the sub-second part is drawn.
    long millis = StableHash.of(seed, machine, gen, SALT_MILLIS);
    firstSeen[e] = facts.firstSeen(i, old, anchor) * 1000 + Long.remainderUnsigned(millis, 1000);
    long last = facts.lastSeen(i, old, anchor);
    lastSeen[e] = Math.min(anchorMs, last * 1000 + Long.remainderUnsigned(millis >>> 20, 1000));
    family[e] = facts.family(i);
    role[e] = facts.role(i);
    names[e] = facts.name(i);
  }

  /**
   * Compares two endpoints by {@code endpoint_id} as strings, which for fixed-width hex is unsigned
   * order.
   */
  int compareIds(int a, int b) {
    return ids.compare(a, b);
  }

  int count() {
    return count;
  }

  int reimagedMachines() {
    return reimagedMachines;
  }

  long anchorMillis() {
    return anchorMs;
  }

  Machine machine(int e) {
    return fleet.machine(machineOf[e]);
  }

  int machineIndex(int e) {
    return machineOf[e];
  }

  /** The agent of a reimaged machine that stopped reporting at the reimage. */
  boolean stale(int e) {
    return stale[e];
  }

  String endpointId(int e) {
    return CveCatalog.hex32(idHi[e], idLo[e]);
  }

  String endpointName(int e) {
    return names[e];
  }

  long firstSeen(int e) {
    return firstSeen[e];
  }

  /** As generated; {@code advance} may move it (see {@link VaSnapshot#lastSeen}). */
  long baseLastSeen(int e) {
    return lastSeen[e];
  }

  OsFamily family(int e) {
    return OsFamily.values()[family[e]];
  }

  MachineRole role(int e) {
    return MachineRole.values()[role[e]];
  }

  /** The key the shared CVE catalogue walk starts from (see {@link #SALT_HOST_KEY}). */
  long hostKey(int e) {
    return StableHash.of(seed, machineOf[e], generation[e], SALT_HOST_KEY);
  }

  /** A stable per-endpoint hash for presentation draws. */
  long hash(int e, long salt) {
    return StableHash.of(idHi[e], idLo[e], salt);
  }

  int atRank(int rank) {
    return ids.atRank(rank);
  }

  /**
   * The status the console shows: connected when seen within a day of the tenant anchor,
   * disconnected within 30 days, then lost (a few of those uninstalled).
   */
  EndpointStatus status(int e, long lastSeenMs) {
    long age = anchorMs - lastSeenMs;
    if (age <= DAY_MS) {
      return EndpointStatus.CONNECTED;
    }
    if (age <= 30 * DAY_MS) {
      return EndpointStatus.DISCONNECTED;
    }
    return Long.remainderUnsigned(hash(e, 0x57A7), 5) == 0
        ? EndpointStatus.UNINSTALLED
        : EndpointStatus.LOST;
  }

  /** Finds an endpoint by its exact lower-case id, or -1; a binary search over the id rank. */
  int byId(String id) {
    if (id == null || id.length() != 32) {
      return -1;
    }
    long hi;
    long lo;
    try {
      hi = Long.parseUnsignedLong(id.substring(0, 16), 16);
      lo = Long.parseUnsignedLong(id.substring(16), 16);
    } catch (NumberFormatException ex) {
      return -1;
    }
    if (!id.equals(CveCatalog.hex32(hi, lo))) {
      return -1; // upper case is another string, so another id
    }
    return ids.find(hi, lo);
  }
}
