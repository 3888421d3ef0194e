package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import java.util.List;
import java.util.Optional;

/**
 * The vulnerabilities stream in Sampling Mode: Spotlight findings of the sampled hosts only, asked
 * for with {@code aid:['…',…]} in batches of {@link #BATCH} hosts (the filter travels in the query
 * string), each batch read like the unsampled stream: every status, {@code updated_timestamp} at or
 * after the fetch-from date, the user's source filters, resumable past an expired cursor. Reports
 * {@link #fullSync()} false: a finding absent from a sample is not a fixed one. Not thread-safe.
 */
final class CrowdStrikeSampledFindingsReader implements StreamReader {

  /** Hosts per Spotlight query: 100 sensor ids keep the URL near 4 KB. */
  static final int BATCH = 100;

  private final CrowdStrikeSample sample;
  private final CrowdStrikeClient client;
  private final int pageSize;
  private List<String> hostIds;
  private int nextBatch;
  private CrowdStrikeStreamReader batch;
  private boolean finished;

  CrowdStrikeSampledFindingsReader(
      CrowdStrikeSample sample, CrowdStrikeClient client, int pageSize) {
    this.sample = sample;
    this.client = client;
    this.pageSize = pageSize;
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    if (hostIds == null) {
      hostIds = sample.findingHostIds();
    }
    while (!finished) {
      if (batch == null) {
        if (nextBatch * BATCH >= hostIds.size()) {
          finished = true;
          break;
        }
        batch = openBatch(nextBatch++);
      }
      Optional<Page> page = batch.next();
      if (page.isEmpty()) {
        batch = null;
        continue;
      }
      Checkpoint checkpoint = page.get().checkpoint();
      boolean more = nextBatch * BATCH < hostIds.size();
      if (checkpoint.complete() && more) {
        // the batch is done, the stream is not
        checkpoint =
            new Checkpoint(checkpoint.stream(), checkpoint.version(), checkpoint.state(), false);
      }
      return Optional.of(new Page(page.get().records(), checkpoint));
    }
    return Optional.empty();
  }

  private CrowdStrikeStreamReader openBatch(int index) {
    List<String> ids =
        hostIds.subList(index * BATCH, Math.min(hostIds.size(), (index + 1) * BATCH));
    return new CrowdStrikeStreamReader(
        CrowdStrikeStream.VULNERABILITIES,
        client,
        CrowdStrikeCursor.sample(sample.fetchFrom()),
        pageSize,
        sample.filters(),
        CrowdStrikeFql.anyOf("aid", ids));
  }

  /** A sample is not the whole tenant: absence from it says nothing. */
  @Override
  public boolean fullSync() {
    return false;
  }

  @Override
  public void close() {
    if (batch != null) {
      batch.close();
    }
    finished = true;
  }
}
