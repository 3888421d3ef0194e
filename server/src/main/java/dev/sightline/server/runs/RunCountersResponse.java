package dev.sightline.server.runs;

import dev.sightline.platform.ingest.StreamTally;
import dev.sightline.platform.sync.RunCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run did (fetched = created + updated + unchanged + rejected), and per stream what it
 * fetched and what became of it, in the order the streams were read.
 */
public record RunCountersResponse(
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
    Map<String, StreamCounters> streams) {

  /** One stream's records, and the findings carried inside them, stored or rejected. */
  public record StreamCounters(
      long fetched,
      long stored,
      long rejected,
      long elementsFetched,
      long elementsStored,
      long elementsRejected,
      long snapshotAssets) {

    static StreamCounters from(StreamTally t) {
      return new StreamCounters(
          t.fetched(),
          t.stored(),
          t.rejected(),
          t.elementsFetched(),
          t.elementsStored(),
          t.elementsRejected(),
          t.snapshotAssets());
    }
  }

  static RunCountersResponse from(RunCounters c) {
    Map<String, StreamCounters> streams = new LinkedHashMap<>();
    c.streams().forEach((stream, tally) -> streams.put(stream, StreamCounters.from(tally)));
    return new RunCountersResponse(
        c.fetched(),
        c.created(),
        c.updated(),
        c.unchanged(),
        c.rejected(),
        c.pages(),
        c.assetsLinked(),
        c.findingsNew(),
        c.findingsFixed(),
        c.findingsReopened(),
        c.findingsUnchanged(),
        c.assetsScored(),
        streams);
  }
}
