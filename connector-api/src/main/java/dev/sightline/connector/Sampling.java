package dev.sightline.connector;

/**
 * The seeds' Sampling Mode ("Limit sync to top 1,000 assets and findings"): a run reads at most
 * {@code limit} assets, chosen by risk-based criteria rather than at random, and only their
 * findings. The criteria are the seed's, vendor-neutral: assets of the device categories server,
 * workstation and domain controller, the most recently seen first, within the run's fetch-from
 * date. Each connector applies them at its source in its vendor's terms.
 *
 * <p>A sampled read is not the whole tenant: the reader of a sampled findings stream reports {@link
 * StreamReader#fullSync()} false, so a finding absent from the sample is never taken as fixed. A
 * sample is recomputed on every run (the most recently seen assets change), so sampled streams
 * start afresh instead of resuming or reading a delta, and their checkpoints are never taken as the
 * watermark of an unsampled read.
 *
 * @param limit the most assets a run may read, at least 1
 */
public record Sampling(int limit) {

  /** The seeds' sample: the top 1,000 assets. */
  public static final int SEED_LIMIT = 1000;

  public Sampling {
    if (limit < 1) {
      throw new IllegalArgumentException("a sample holds at least one asset, not " + limit);
    }
  }

  /** The seeds' sample of {@value #SEED_LIMIT} assets. */
  public static Sampling seed() {
    return new Sampling(SEED_LIMIT);
  }
}
