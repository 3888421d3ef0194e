package dev.sightline.platform.ingest;

/**
 * What one page (or, summed, one run) of a stream did with the records it fetched: stored (the
 * store holds them, a finding attached to a source asset) or rejected with a reason. For streams
 * whose records carry findings as elements, the same for the findings inside them. Nothing else may
 * happen to a record: {@link #unaccounted()} is what broke that promise.
 */
public record StreamTally(
    long fetched,
    long stored,
    long rejected,
    long elementsFetched,
    long elementsStored,
    long elementsRejected,
    long snapshotAssets) {

  public static final StreamTally NONE = new StreamTally(0, 0, 0, 0, 0, 0, 0);

  public StreamTally plus(StreamTally o) {
    return new StreamTally(
        fetched + o.fetched,
        stored + o.stored,
        rejected + o.rejected,
        elementsFetched + o.elementsFetched,
        elementsStored + o.elementsStored,
        elementsRejected + o.elementsRejected,
        snapshotAssets + o.snapshotAssets);
  }

  /** Records fetched that are neither stored nor rejected (negative: counted twice). */
  public long unaccounted() {
    return fetched - stored - rejected;
  }

  /** Findings inside records that are neither stored nor rejected. */
  public long elementsUnaccounted() {
    return elementsFetched - elementsStored - elementsRejected;
  }
}
