package dev.sightline.connector;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pulls one page at a time from a vendor stream. Not thread-safe: one thread reads it. The platform
 * reads a page or two ahead of the one it is committing (each page is committed with its
 * checkpoint, in order), so a reader must not hold a vendor cursor that could expire while earlier
 * pages are committed: it may re-derive its position from the last checkpoint it handed out.
 */
public interface StreamReader extends AutoCloseable {

  /**
   * The next page, or empty when the stream is exhausted. Retries transient vendor failures itself;
   * throws {@link PermanentException} or {@link UnexpectedResponseException} when it cannot go on,
   * and InterruptedException promptly when the thread is interrupted.
   */
  Optional<Page> next() throws InterruptedException;

  /**
   * How many records the vendor says the current read holds (e.g. a page's total), once a page has
   * told it; empty when the vendor gives no total. Only for showing progress: never relied on.
   */
  default OptionalLong total() {
    return OptionalLong.empty();
  }

  /** True when this read covers the whole tenant (so absence means gone), false for a delta. */
  boolean fullSync();

  @Override
  void close();
}
