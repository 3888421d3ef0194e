package dev.sightline.platform.sync;

import dev.sightline.platform.ingest.StreamTally;
import java.util.Map;

/**
 * What a run or a page did; fetched = created + updated + unchanged + rejected.
 *
 * @param assetsLinked source records that joined an asset another record had already founded
 * @param findingsNew logical findings first seen in this run (an (asset, CVE) seen before from
 *     another source is not new)
 * @param findingsFixed findings no source reports open any more
 * @param findingsReopened fixed findings a source reports again
 * @param findingsUnchanged findings the run recomputed whose state did not change
 * @param assetsScored assets rescored at the end of the run (those it touched, and any others
 *     queued for rescoring by then)
 * @param streams per stream read, what it fetched and what became of it (stored or rejected,
 *     records and the findings carried inside them); checked at the end of each stream
 */
public record RunCounters(
    long fetched,
    long created,
    long updated,
    long unchanged,
    long rejected,
    long pages,
    long assetsLinked,
    long findingsNew,
    long findingsFixed,
    long findingsReopened,
    long findingsUnchanged,
    long assetsScored,
    Map<String, StreamTally> streams) {

  public RunCounters {
    streams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(streams));
  }

  /** A page's counters; the finding counters come from the run's end. */
  public static RunCounters page(
      long fetched, long created, long updated, long unchanged, long rejected, long assetsLinked) {
    return new RunCounters(
        fetched, created, updated, unchanged, rejected, 1, assetsLinked, 0, 0, 0, 0, 0, Map.of());
  }
}
