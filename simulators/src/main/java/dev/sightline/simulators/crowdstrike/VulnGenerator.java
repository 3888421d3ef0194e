package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.SeededDraws;
import dev.sightline.simulators.fleet.StableHash;

/**
 * Computes base vulnerability {@code ordinal} from hashes alone, in O(log agents): nothing is
 * stored per vulnerability. Within an agent, slot {@code k} of {@code n} gets an id suffix in the
 * k-th of n equal slices of the 64-bit range, so slot order is id order by construction.
 */
final class VulnGenerator {
  private static final long SALT = StableHash.salt("cs.vuln");
  private static final long SALT_SCAN = StableHash.salt("cs.scan");

  private final long seed;
  private final long anchor;
  private final AgentDirectory agents;

  VulnGenerator(long seed, long anchor, AgentDirectory agents) {
    this.seed = seed;
    this.anchor = anchor;
    this.agents = agents;
  }

  long baseCount() {
    return agents.baseVulnerabilities();
  }

  /** Whether one of the agent's base records is about {@code cve}. */
  boolean baseHas(int agent, int cve) {
    long aidHi = agents.drawKey(agent);
    OsFamily family = agents.family(agent);
    for (int slot = 0, n = agents.vulnCount(agent); slot < n; slot++) {
      if (CveCatalog.walk(seed, aidHi, family, slot) == cve) {
        return true;
      }
    }
    return false;
  }

  Vuln base(long ordinal) {
    int rank = agents.rankOfOrdinal(ordinal);
    int agent = agents.agentAtRank(rank);
    int slot = (int) (ordinal - agents.firstOrdinalOfRank(rank));
    int n = agents.vulnCount(agent);
    long aidHi = agents.drawKey(agent); // the aid's high bits for agents
    SeededDraws d = new SeededDraws(StableHash.of(seed, aidHi, slot, SALT));
    long width = Long.divideUnsigned(-1L, n);
    long suffixHi = slot * width + Long.remainderUnsigned(d.nextLong(), width);
    long suffixLo = d.nextLong();
    OsFamily family = agents.family(agent);
    int cve = CveCatalog.walk(seed, aidHi, family, slot);

    long first = agents.firstSeen(agent);
    long last = agents.lastSeen(agent);
    // Findings of one scan share a created timestamp, as in the samples: realistic sort ties.
    long created = scanTime(aidHi, d.nextInt(3), first, last);
    VulnStatus status = status(d, agents.stale(agent));
    long updated;
    long closed = Vuln.NO_TIME;
    switch (status) {
      case OPEN -> updated = d.chance(0.6) ? created : created + span(d, last - created);
      case REOPEN -> updated = created + Math.max(1, span(d, last - created));
      case CLOSED -> {
        closed = created + Math.max(1, span(d, last - created));
        updated = closed;
      }
      default -> updated = Math.max(created, last) + span(d, anchor - Math.max(created, last));
    }
    updated = Math.min(updated, anchor);
    if (closed != Vuln.NO_TIME) {
      closed = Math.min(closed, anchor);
    }
    int suppression = d.chance(0.03) ? d.nextInt(Vuln.SUPPRESSION_REASONS.length) : -1;
    boolean potential = d.chance(0.08);
    return new Vuln(
        ordinal,
        agent,
        suffixHi,
        suffixLo,
        cve,
        status,
        created,
        updated,
        closed,
        -1,
        -1,
        suppression,
        potential);
  }

  private long scanTime(long aidHi, int scan, long first, long last) {
    long window = Math.max(1, last - first);
    long jitter =
        Long.remainderUnsigned(
            StableHash.of(seed, aidHi, scan, SALT_SCAN), Math.max(1, window / 4));
    return Math.min(last, first + window * scan / 3 + jitter);
  }

  private static VulnStatus status(SeededDraws d, boolean staleAgent) {
    int r = d.nextInt(100);
    if (staleAgent) {
      return r < 70 ? VulnStatus.EXPIRED : VulnStatus.CLOSED;
    }
    return r < 52
        ? VulnStatus.OPEN
        : r < 80 ? VulnStatus.CLOSED : r < 90 ? VulnStatus.REOPEN : VulnStatus.EXPIRED;
  }

  private static long span(SeededDraws d, long max) {
    return max <= 0 ? 0 : Long.remainderUnsigned(d.nextLong(), max + 1);
  }
}
