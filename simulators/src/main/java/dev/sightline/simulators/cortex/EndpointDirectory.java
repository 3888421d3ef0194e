package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.StableHash;
import java.util.Arrays;
import java.util.stream.IntStream;

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
  private final int[] atRank;

  EndpointDirectory(Fleet fleet, int offset, int hosts, long anchorEpochSecond) {
    this.fleet = fleet;
    this.seed = fleet.seed();
    this.anchorMs = anchorEpochSecond * 1000;
    MachineFacts facts = MachineFacts.collect(fleet, offset, hosts);
    this.reimagedMachines = facts.reimaged();
    this.count = hosts + facts.reimaged();
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
    int e = 0;
    for (int i = 0; i < hosts; i++) {
      int generations = facts.reimagedAgo()[i] >= 0 ? 2 : 1;
      for (int g = 0; g < generations; g++) {
        fill(e++, offset + i, g, generations == 2 && g == 0, facts, i, anchorEpochSecond);
      }
    }
    this.atRank = rankById();
  }

  /** Per-machine facts, computed in parallel without keeping machines: each depends only on (seed, index). */
  private record MachineFacts(byte[] role, byte[] family, String[] name, long[] firstSeenAgo, long[] lastSeenAgo,
      long[] reimagedAgo, int reimaged) {
    static MachineFacts collect(Fleet fleet, int offset, int hosts) {
      byte[] role = new byte[hosts];
      byte[] family = new byte[hosts];
      String[] name = new String[hosts];
      long[] first = new long[hosts];
      long[] last = new long[hosts];
      long[] reimagedAgo = new long[hosts];
      IntStream.range(0, hosts).parallel().forEach(i -> {
        Machine m = fleet.machine((long) offset + i);
        role[i] = (byte) m.role().ordinal();
        family[i] = (byte) m.os().family().ordinal();
        name[i] = CortexRendering.endpointName(m);
        first[i] = m.firstSeenAgo().getSeconds();
        last[i] = m.lastSeenAgo().getSeconds();
        reimagedAgo[i] = m.reimagedAgo().map(d -> d.getSeconds()).orElse(-1L);
      });
      int reimaged = (int) Arrays.stream(reimagedAgo).filter(v -> v >= 0).count();
      return new MachineFacts(role, family, name, first, last, reimagedAgo, reimaged);
    }
  }

  private void fill(int e, int machine, int gen, boolean old, MachineFacts facts, int i, long anchor) {
    machineOf[e] = machine;
    generation[e] = (byte) gen;
    stale[e] = old;
    idHi[e] = StableHash.of(seed, machine, gen, SALT_ID);
    idLo[e] = StableHash.of(idHi[e], gen, SALT_ID);
    long first = anchor - facts.firstSeenAgo()[i];
    long last = anchor - facts.lastSeenAgo()[i];
    if (facts.reimagedAgo()[i] >= 0) {
      long reimagedAt = anchor - facts.reimagedAgo()[i];
      if (old) {
        last = reimagedAt - 3600;
      } else {
        first = reimagedAt + 7200;
      }
    }
    // Cortex keeps milliseconds; the fleet keeps seconds, so the sub-second part is drawn.
    long millis = StableHash.of(seed, machine, gen, SALT_MILLIS);
    firstSeen[e] = first * 1000 + Long.remainderUnsigned(millis, 1000);
    lastSeen[e] = Math.min(anchorMs, last * 1000 + Long.remainderUnsigned(millis >>> 20, 1000));
    family[e] = facts.family()[i];
    role[e] = facts.role()[i];
    names[e] = facts.name()[i];
  }

  private int[] rankById() {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, this::compareIds);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /** Compares two endpoints by {@code endpoint_id} as strings, which for fixed-width hex is unsigned order. */
  int compareIds(int a, int b) {
    int c = Long.compareUnsigned(idHi[a], idHi[b]);
    return c != 0 ? c : Long.compareUnsigned(idLo[a], idLo[b]);
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
    return atRank[rank];
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
    return Long.remainderUnsigned(hash(e, 0x57A7), 5) == 0 ? EndpointStatus.UNINSTALLED : EndpointStatus.LOST;
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
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int e = atRank[mid];
      int c = Long.compareUnsigned(idHi[e], hi);
      if (c == 0) {
        c = Long.compareUnsigned(idLo[e], lo);
      }
      if (c == 0) {
        return e;
      }
      if (c < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -1;
  }
}
