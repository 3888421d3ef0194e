package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.Fleet;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.MachineFacts;
import dev.sightline.simulators.fleet.MachineRole;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.RankedIds;
import dev.sightline.simulators.fleet.StableHash;
import java.util.List;
import java.util.Locale;

/**
 * The sensors (agents) a tenant shows for fleet machines {@code [offset, offset + hosts)}: one per
 * machine, two for a reimaged machine (the old agent stopped reporting at the reimage), followed by
 * the {@link UnmanagedAssets} (slots {@code count() <= slot < slots()}), which Discover lists and
 * Spotlight assesses but which have no sensor. Per-slot facts live in primitive arrays (a few dozen
 * bytes per agent); full {@link Machine} objects are rebuilt from the fleet when a response needs
 * them.
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
  private static final long SALT_UNMANAGED_ID = StableHash.salt("cs.unmanaged-discover-id");
  private static final long SALT_UNMANAGED_VULNS = StableHash.salt("cs.unmanaged-vuln-count");
  private static final long SALT_DISCOVERER = StableHash.salt("cs.last-discoverer");

  static final String SENSOR = "Falcon sensor";
  private static final List<String> MANAGED_PROVIDERS = List.of(SENSOR);
  private static final List<String> MANAGED_AD_PROVIDERS =
      List.of(SENSOR, UnmanagedAsset.ACTIVE_DIRECTORY);

  private final Fleet fleet;
  private final long seed;
  private final String cid;
  private final int count;
  private final int slots;
  private final UnmanagedAssets unmanaged;
  private final long cidHi;
  private final long cidLo;
  private final boolean[] joined;
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
    this.cidHi = StableHash.of(seed, offset, SALT_CID);
    this.cidLo = StableHash.of(offset, seed, SALT_CID);
    this.cid = CveCatalog.hex32(cidHi, cidLo);
    MachineFacts facts = MachineFacts.collect(fleet, offset, hosts, Machine::hostname);
    this.count = facts.agents();
    this.unmanaged = new UnmanagedAssets(seed, offset, hosts);
    this.slots = count + unmanaged.count();
    int agents = slots;
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
    this.joined = new boolean[agents];
    long[] idNumbers = new long[agents];
    facts.forEachAgent(
        (a, machine, generation, old, i) -> fill(a, machine, generation, old, facts, i, anchor));
    for (int slot = count; slot < slots; slot++) {
      fillUnmanaged(slot, anchor);
      idNumbers[slot] = discoverNumber[slot];
    }
    this.ids = new RankedIds(aidHi, aidLo, idNumbers);
    this.rankPrefix = new long[agents + 1];
    for (int r = 0; r < slots; r++) {
      rankPrefix[r + 1] = rankPrefix[r] + vulnCount[ids.atRank(r)];
    }
  }

  private void fill(
      int a, int machine, int generation, boolean old, MachineFacts facts, int i, long anchor) {
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
    discoverNumber[a] =
        100_000_000_000_000_000L
            + Long.remainderUnsigned(
                StableHash.of(seed, machine, generation, SALT_DISCOVER), 900_000_000_000_000_000L);
    hostnames[a] = facts.name(i);
    joined[a] = facts.joined(i);
  }

  /**
   * An unmanaged asset's "aid" is its Discover id {@code <cid>_<number>} (what Spotlight puts in
   * {@code aid} for it), so its rank key is the cid's 128 bits, then the number.
   */
  private void fillUnmanaged(int slot, long anchor) {
    UnmanagedAsset asset = unmanaged.asset(slot - count);
    Machine m = asset.machine();
    machineOf[slot] = -1;
    aidHi[slot] = cidHi;
    aidLo[slot] = cidLo;
    firstSeen[slot] = anchor - m.firstSeenAgo().getSeconds();
    lastSeen[slot] = anchor - m.lastSeenAgo().getSeconds();
    long h = StableHash.of(seed, m.index(), SALT_UNMANAGED_VULNS);
    // Unpatched computers nobody manages: findings on most; devices Spotlight cannot assess: none.
    vulnCount[slot] = asset.unsupported() ? 0 : (byte) Long.remainderUnsigned(h, 13);
    role[slot] = (byte) m.role().ordinal();
    family[slot] = (byte) m.os().family().ordinal();
    discoverNumber[slot] =
        100_000_000_000_000_000L
            + Long.remainderUnsigned(
                StableHash.of(seed, m.index(), SALT_UNMANAGED_ID), 900_000_000_000_000_000L);
    hostnames[slot] = m.hostname();
    joined[slot] = !m.dnsDomain().isEmpty();
  }

  String cid() {
    return cid;
  }

  /** Managed agents (sensors): slots {@code [0, count())}. */
  int count() {
    return count;
  }

  /** Managed agents plus unmanaged assets. */
  int slots() {
    return slots;
  }

  boolean managed(int slot) {
    return slot < count;
  }

  int unmanagedCount() {
    return slots - count;
  }

  /** The unmanaged asset in {@code slot} (built on demand); only for {@code !managed(slot)}. */
  UnmanagedAsset unmanaged(int slot) {
    return unmanaged.asset(slot - count);
  }

  /** Discover's {@code entity_type}. */
  String entityType(int slot) {
    return managed(slot) ? "managed" : unmanaged(slot).entityType();
  }

  /** Discover's and Spotlight's {@code product_type_desc}, or null when the asset has none. */
  String productTypeDesc(int slot) {
    return managed(slot)
        ? CsRendering.productTypeDesc(role(slot))
        : unmanaged(slot).productTypeDesc().orElse(null);
  }

  /** Discover's {@code platform_name}, or null for devices no platform is known for. */
  String platformName(int slot) {
    return managed(slot) || !unmanaged(slot).unsupported()
        ? CsRendering.platformName(family(slot))
        : null;
  }

  /**
   * Discover's {@code data_providers}: the sensor for managed agents, plus Active Directory for
   * domain-joined Windows machines; the network scan (and maybe AD) for unmanaged assets.
   */
  List<String> discoverProviders(int slot) {
    if (!managed(slot)) {
      return unmanaged(slot).dataProviders();
    }
    return joined[slot] && family(slot) == OsFamily.WINDOWS
        ? MANAGED_AD_PROVIDERS
        : MANAGED_PROVIDERS;
  }

  /** The one {@code data_providers[].provider} of this slot's Spotlight findings. */
  String findingProvider(int slot) {
    return managed(slot) ? SENSOR : UnmanagedAsset.NETWORK_SCAN;
  }

  /** Spotlight {@code host_info.managed_by}. */
  String managedBy(int slot) {
    return managed(slot) ? SENSOR : "Unmanaged";
  }

  /** A live sensor that scanned the network the unmanaged asset sits on. */
  int lastDiscoverer(int slot) {
    int agent =
        (int)
            Long.remainderUnsigned(
                StableHash.of(seed, discoverNumber[slot], SALT_DISCOVERER), count);
    for (int step = 0; step < count && stale[agent]; step++) {
      agent = (agent + 1) % count;
    }
    return agent;
  }

  /**
   * The number after {@code <cid>_} in an unmanaged asset's id; 0 for agents, whose id is the aid.
   */
  long idNumber(int slot) {
    return managed(slot) ? 0 : discoverNumber[slot];
  }

  /**
   * Seeds a slot's finding draws: the aid's high bits for agents (unchanged since the first
   * release), a hash of the Discover number for unmanaged assets, which all share the cid prefix.
   */
  long drawKey(int slot) {
    return managed(slot)
        ? aidHi[slot]
        : StableHash.of(seed, discoverNumber[slot], SALT_UNMANAGED_ID);
  }

  int reimagedMachines() {
    return reimagedMachines;
  }

  Machine machine(int slot) {
    return managed(slot) ? fleet.machine(machineOf[slot]) : unmanaged(slot).machine();
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

  /**
   * The sensor id; for an unmanaged asset its Discover id, which Spotlight shows as its {@code
   * aid}.
   */
  String aid(int slot) {
    return managed(slot) ? CveCatalog.hex32(aidHi[slot], aidLo[slot]) : discoverId(slot);
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

  /** Total base vulnerabilities over all slots. */
  long baseVulnerabilities() {
    return rankPrefix[slots];
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
    int hi = slots - 1;
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
    int agent = ids.find(hi, lo);
    return agent >= count ? -1 : agent; // the cid is nobody's aid
  }
}
