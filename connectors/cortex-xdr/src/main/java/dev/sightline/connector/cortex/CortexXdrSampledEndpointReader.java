package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints stream in Sampling Mode: the sample's endpoints, most recently seen first, in pages
 * of the run's page size. The sample is read afresh on every run, so this reader never resumes and
 * its checkpoints (mode SAMPLE) are never a delta's watermark. Not thread-safe.
 */
final class CortexXdrSampledEndpointReader implements StreamReader {

  private static final String NAME = CortexXdrStream.ENDPOINTS.spec().name();

  private final CortexXdrSample sample;
  private final int pageSize;
  private int emitted;
  private boolean finished;

  CortexXdrSampledEndpointReader(CortexXdrSample sample, int pageSize) {
    this.sample = sample;
    this.pageSize = Math.max(1, pageSize);
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    if (finished) {
      return Optional.empty();
    }
    List<JsonNode> endpoints = sample.endpoints();
    int end = Math.min(endpoints.size(), emitted + pageSize);
    List<JsonNode> page = endpoints.subList(emitted, end);
    emitted = end;
    finished = emitted >= endpoints.size();
    return Optional.of(
        new Page(page, CortexXdrCursor.sample(sample.lastSeenFrom()).toCheckpoint(NAME, finished)));
  }

  /** A sample is not the whole tenant. */
  @Override
  public boolean fullSync() {
    return false;
  }

  @Override
  public void close() {
    finished = true;
  }
}
