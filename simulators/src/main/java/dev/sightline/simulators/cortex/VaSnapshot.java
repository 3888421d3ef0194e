package dev.sightline.simulators.cortex;

import java.util.Map;

/**
 * The vulnerability-assessment state at one moment: the base findings plus the small overlay {@code
 * advance} wrote (replaced CVE lists and moved {@code last_seen} per endpoint). Immutable; a query
 * keeps the snapshot it started on, so its results do not change under it. The derived {@link
 * CveIndex} is built on first use.
 */
final class VaSnapshot {
  /** What the last {@code advance} did; {@code at} is -1 before the first. */
  record AdvanceSummary(long at, int changes, int fixed, int added, int endpoints) {
    static final AdvanceSummary NONE = new AdvanceSummary(-1, 0, 0, 0, 0);
  }

  private final BaseFindings base;
  private final EndpointDirectory endpoints;
  private final BlankCveRows blanks;
  private final Map<Integer, int[]> cves;
  private final Map<Integer, Long> lastSeen;
  private final long findings;
  private final int advances;
  private final long changedFindings;
  private final AdvanceSummary lastAdvance;
  private volatile CveIndex index;

  VaSnapshot(
      BaseFindings base,
      EndpointDirectory endpoints,
      BlankCveRows blanks,
      Map<Integer, int[]> cves,
      Map<Integer, Long> lastSeen,
      long findings,
      int advances,
      long changedFindings,
      AdvanceSummary lastAdvance) {
    this.base = base;
    this.endpoints = endpoints;
    this.blanks = blanks;
    this.cves = Map.copyOf(cves);
    this.lastSeen = Map.copyOf(lastSeen);
    this.findings = findings;
    this.advances = advances;
    this.changedFindings = changedFindings;
    this.lastAdvance = lastAdvance;
  }

  static VaSnapshot initial(BaseFindings base, EndpointDirectory endpoints, BlankCveRows blanks) {
    return new VaSnapshot(
        base, endpoints, blanks, Map.of(), Map.of(), base.total(), 0, 0, AdvanceSummary.NONE);
  }

  BlankCveRows blanks() {
    return blanks;
  }

  /**
   * Whether endpoint {@code e} lists an empty-name CVE (only endpoints with CVEs are in
   * va_endpoints).
   */
  boolean blankRow(int e) {
    return blanks.on(e) && count(e) > 0;
  }

  /** Catalogue references on endpoint {@code e} now, sorted by CVE id. Do not modify. */
  int[] refs(int e) {
    int[] changed = cves.get(e);
    return changed != null ? changed : base.refs(e);
  }

  int count(int e) {
    int[] changed = cves.get(e);
    return changed != null ? changed.length : base.count(e);
  }

  long lastSeen(int e) {
    Long moved = lastSeen.get(e);
    return moved != null ? moved : endpoints.baseLastSeen(e);
  }

  EndpointStatus status(int e) {
    return endpoints.status(e, lastSeen(e));
  }

  long findings() {
    return findings;
  }

  int advances() {
    return advances;
  }

  long changedFindings() {
    return changedFindings;
  }

  AdvanceSummary lastAdvance() {
    return lastAdvance;
  }

  Map<Integer, int[]> changedCves() {
    return cves;
  }

  Map<Integer, Long> movedLastSeen() {
    return lastSeen;
  }

  BaseFindings base() {
    return base;
  }

  EndpointDirectory endpoints() {
    return endpoints;
  }

  /** Distinct CVEs and which endpoints carry each; built once per snapshot, on first use. */
  CveIndex index() {
    CveIndex i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = CveIndex.build(this);
          index = i;
        }
      }
    }
    return i;
  }
}
