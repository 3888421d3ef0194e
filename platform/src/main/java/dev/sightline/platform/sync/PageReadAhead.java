package dev.sightline.platform.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.platform.ingest.MappedPage;
import dev.sightline.platform.inventory.InventoryWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads a stream's pages on a thread of its own — fetch, parse, map, encode — while the run's
 * thread commits the pages before them, so the vendor and the database work at the same time. At
 * most {@link #DEPTH} pages wait in between: memory stays bounded, and a vendor's paging cursor (a
 * CrowdStrike {@code after} token lives about two minutes) is never held for longer than a couple
 * of commits. Pages are handed over in order, and a page counts only once its commit (with its
 * checkpoint) is done, so a crash loses nothing: the next run resumes from the last committed page
 * as before. A failure of the reader reaches the run's thread after the pages read before it.
 */
final class PageReadAhead implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PageReadAhead.class);

  /** Pages read ahead of the commit: two keep both sides busy without holding a cursor long. */
  static final int DEPTH = 2;

  /** A page ready to commit: mapped, its findings encoded, and where it leaves the stream. */
  record Prepared(
      MappedPage mapped,
      InventoryWriter.FindingBatch findings,
      Checkpoint checkpoint,
      OptionalLong total) {}

  private sealed interface Item permits Ready, End, Failed {}

  private record Ready(Prepared page) implements Item {}

  private record End() implements Item {}

  private record Failed(Throwable cause) implements Item {}

  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
  private final Thread thread;
  private volatile boolean stopped;
  private boolean ended;

  PageReadAhead(
      StreamReader reader,
      Function<List<JsonNode>, MappedPage> mapper,
      UUID connectorId,
      StageClock stages,
      String name) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    this.thread =
        new Thread(
            () -> {
              if (context != null) {
                MDC.setContextMap(context);
              }
              read(reader, mapper, connectorId, stages);
            },
            "sightline-read-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  private void read(
      StreamReader reader,
      Function<List<JsonNode>, MappedPage> mapper,
      UUID connectorId,
      StageClock stages) {
    try {
      while (!stopped) {
        Optional<Page> page = stages.time(RunStage.FETCH, reader::next);
        if (page.isEmpty()) {
          queue.put(new End());
          return;
        }
        List<JsonNode> records = page.get().records();
        MappedPage mapped = stages.time(RunStage.MAP, () -> mapper.apply(records));
        InventoryWriter.FindingBatch findings =
            stages.time(
                RunStage.WRITE,
                () -> InventoryWriter.encodeFindings(connectorId, mapped.findings()));
        queue.put(
            new Ready(new Prepared(mapped, findings, page.get().checkpoint(), reader.total())));
      }
    } catch (InterruptedException e) {
      // stopped by close(): the run's thread no longer wants pages
    } catch (RuntimeException | Error e) {
      handOver(e);
    }
  }

  private void handOver(Throwable e) {
    try {
      queue.put(new Failed(e));
    } catch (InterruptedException stoppedMeanwhile) {
      // the run's thread stopped reading; it has its own reason
    }
  }

  /**
   * The next page in stream order, empty at the end of the stream; rethrows what stopped the reader
   * (a vendor error, a mapping failure) once the pages before it have been taken.
   */
  Optional<Prepared> next() throws InterruptedException {
    if (ended) {
      return Optional.empty();
    }
    Item item = queue.take();
    if (item instanceof Ready ready) {
      return Optional.of(ready.page());
    }
    ended = true;
    if (item instanceof Failed failed) {
      if (failed.cause() instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) failed.cause();
    }
    return Optional.empty();
  }

  /** Stops the reader and waits for it, so the stream can be closed under nobody's feet. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    queue.clear();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("The page reader {} did not stop within 30 s; closing its stream", thread.getName());
    }
  }
}
