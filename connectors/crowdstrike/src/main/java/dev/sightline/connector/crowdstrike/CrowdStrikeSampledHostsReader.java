package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import java.util.List;
import java.util.Optional;

/**
 * The hosts stream in Sampling Mode: the sample's hosts, most recently seen first, in pages of the
 * run's page size. The sample is read afresh on every run, so this reader never resumes and its
 * checkpoints (mode SAMPLE) are never a delta's watermark. Not thread-safe.
 */
final class CrowdStrikeSampledHostsReader implements StreamReader {

  private static final String NAME = CrowdStrikeStream.HOSTS.spec().name();

  private final CrowdStrikeSample sample;
  private final int pageSize;
  private int emitted;
  private boolean finished;

  CrowdStrikeSampledHostsReader(CrowdStrikeSample sample, int pageSize) {
    this.sample = sample;
    this.pageSize = Math.max(1, pageSize);
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    if (finished) {
      return Optional.empty();
    }
    List<JsonNode> hosts = sample.hosts();
    int end = Math.min(hosts.size(), emitted + pageSize);
    List<JsonNode> page = hosts.subList(emitted, end);
    emitted = end;
    finished = emitted >= hosts.size();
    return Optional.of(
        new Page(page, CrowdStrikeCursor.sample(sample.fetchFrom()).toCheckpoint(NAME, finished)));
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
