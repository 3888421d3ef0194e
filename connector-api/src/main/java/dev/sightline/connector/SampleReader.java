package dev.sightline.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stream of records the connector has already chosen (a Sampling Mode sample), handed out in
 * pages of the run's page size. A sample is read afresh on every run and is not the whole tenant,
 * so the read is never full and never resumed. Not thread-safe.
 */
public final class SampleReader implements StreamReader {
  private final Records records;
  private final int pageSize;
  private final Function<Boolean, Checkpoint> checkpoint;
  private int emitted;
  private boolean finished;

  /**
   * @param records the sample, read on the first page
   * @param checkpoint the checkpoint of a page, given whether it is the last
   */
  public SampleReader(Records records, int pageSize, Function<Boolean, Checkpoint> checkpoint) {
    this.records = records;
    this.pageSize = Math.max(1, pageSize);
    this.checkpoint = checkpoint;
  }

  /** Reads the sample; may call the vendor. */
  @FunctionalInterface
  public interface Records {
    List<JsonNode> read() throws InterruptedException;
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    if (finished) {
      return Optional.empty();
    }
    List<JsonNode> all = records.read();
    int end = Math.min(all.size(), emitted + pageSize);
    List<JsonNode> page = all.subList(emitted, end);
    emitted = end;
    finished = emitted >= all.size();
    return Optional.of(new Page(page, checkpoint.apply(finished)));
  }

  /** A sample is not the whole tenant: absence from it never means gone. */
  @Override
  public boolean fullSync() {
    return false;
  }

  @Override
  public void close() {
    finished = true;
  }
}
