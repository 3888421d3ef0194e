package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineFacts;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.RankedIds;
import dev.sightline.simulators.fleet.StableHash;
import java.util.Locale;

/**
 * The sensors (agents) a tenant shows for fleet machines {@code [offset, offset + hosts)}: one per
 * machine, two for a reimaged machine (the old agent stopped reporting at the reimage). Per-agent
 * facts live in primitive arrays (a few dozen bytes per agent); full {@link Machine} objects are
 * rebuilt from the fleet when a response needs them.
 *
 * <p>Agents are also ranked by {@code aid}: vulnerability ordinals follow that rank, then the id
 * suffix, so ordinal order is exactly the string order of vulnerability ids, which is the sort
 * tie-breaker the API promises.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class AgentDirectory {
  private static final long SALT_AID = StableHash.salt("cs.aid");
  private static final long SALT_DISCOVER = StableHash.salt("cs.discover-id");
  private static final long SALT_VULNS = StableHash.salt("cs.vuln-count");
  private static final long SALT_CID = StableHash.salt("cs.cid");

  private final Fleet fleet;
  private final long seed;
  private final String cid;
  private final int count;
  private final int reimagedMachines;
  private final int[] machineOf;
  private final boolean[] stale;
  private final long[] aidHi;
  private final long[] aidLo;
  private final long[] firstSeen;
  private final long[] lastSeen;
  private final byte[] vulnCount;
  private final byte[] role;
  private final byte[] family;
  private final long[] discoverNumber;
  private final String[] hostnames;
  private final RankedIds ids;
  private final long[] rankPrefix;

  AgentDirectory(Fleet fleet, int offset, int hosts, long anchor) {
    if ((long) offset + hosts > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("offset + hosts must stay below 2^31");
    }
    this.fleet = fleet;
    this.seed = fleet.seed();
    this.cid = CveCatalog.hex32(StableHash.of(seed, offset, SALT_CID), StableHash.of(offset, seed, SALT_CID));
    MachineFacts facts = MachineFacts.collect(fleet, offset, hosts, Machine::hostname);
    int agents = facts.agents();
    this.count = agents;
    this.reimagedMachines = facts.reimaged();
    this.machineOf = new int[agents];
    this.stale = new boolean[agents];
    this.aidHi = new long[agents];
    this.aidLo = new long[agents];
    this.firstSeen = new long[agents];
    this.lastSeen = new long[agents];
    this.vulnCount = new byte[agents];
    this.role = new byte[agents];
    this.family = new byte[agents];
    this.discoverNumber = new long[agents];
    this.hostnames = new String[agents];
    facts.forEachAgent((a, machine, generation, old, i) -> fill(a, machine, generation, old, facts, i, anchor));
    this.ids = new RankedIds(aidHi, aidLo);
    this.rankPrefix = new long[agents + 1];
    for (int r = 0; r < agents; r++) {
      rankPrefix[r + 1] = rankPrefix[r] + vulnCount[ids.atRank(r)];
    }
  }

  private void fill(int a, int machine, int generation, boolean old, MachineFacts facts, int i, long anchor) {
    machineOf[a] = machine;
    stale[a] = old;
    aidHi[a] = StableHash.of(seed, machine, generation, SALT_AID);
    aidLo[a] = StableHash.of(aidHi[a], generation, SALT_AID);
    firstSeen[a] = facts.firstSeen(i, old, anchor);
    lastSeen[a] = facts.lastSeen(i, old, anchor);
    long h = StableHash.of(seed, machine, generation, SALT_VULNS);
    // About ten per host on average, 0..20; old agents of reimaged machines keep a few.
    vulnCount[a] = (byte) Long.remainderUnsigned(h, old ? 8 : 21);
    role[a] = facts.role(i);
    family[a] = facts.family(i);
    discoverNumber[a] = 100_000_000_000_000_000L
        + Long.remainderUnsigned(StableHash.of(seed, machine, generation, SALT_DISCOVER), 900_000_000_000_000_000L);
    hostnames[a] = facts.name(i);
  }

  String cid() {
    return cid;
  }

  int count() {
    return count;
  }

  int reimagedMachines() {
    return reimagedMachines;
  }

  Machine machine(int agent) {
    return fleet.machine(machineOf[agent]);
  }

  int machineIndex(int agent) {
    return machineOf[agent];
  }

  boolean stale(int agent) {
    return stale[agent];
  }

  long aidHi(int agent) {
    return aidHi[agent];
  }

  long aidLo(int agent) {
    return aidLo[agent];
  }

  String aid(int agent) {
    return CveCatalog.hex32(aidHi[agent], aidLo[agent]);
  }

  long firstSeen(int agent) {
    return firstSeen[agent];
  }

  long lastSeen(int agent) {
    return lastSeen[agent];
  }

  int vulnCount(int agent) {
    return vulnCount[agent];
  }

  MachineRole role(int agent) {
    return MachineRole.values()[role[agent]];
  }

  OsFamily family(int agent) {
    return OsFamily.values()[family[agent]];
  }

  String hostname(int agent) {
    return hostnames[agent];
  }

  long discoverNumber(int agent) {
    return discoverNumber[agent];
  }

  String discoverId(int agent) {
    return cid + "_" + discoverNumber[agent];
  }

  /** Total base vulnerabilities over all agents. */
  long baseVulnerabilities() {
    return rankPrefix[count];
  }

  int agentAtRank(int rank) {
    return ids.atRank(rank);
  }

  long firstOrdinalOfRank(int rank) {
    return rankPrefix[rank];
  }

  /** The aid rank holding base vulnerability {@code ordinal}. */
  int rankOfOrdinal(long ordinal) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rankPrefix[mid] <= ordinal) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Finds an agent by its exact (lower-case) aid, or -1; a binary search over the aid rank. */
  int agentByAid(String aid) {
    if (aid.length() != 32 || !aid.equals(aid.toLowerCase(Locale.ROOT))) {
      return -1;
    }
    long hi;
    long lo;
    try {
      hi = Long.parseUnsignedLong(aid.substring(0, 16), 16);
      lo = Long.parseUnsignedLong(aid.substring(16), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
    return ids.find(hi, lo);
  }
}
