package dev.sightline.connector.testkit;

import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fixture helpers that drain a {@link StreamReader} the way the platform does, page by page. */
public final class StreamReading {

  /** Hard stop for a reader that never ends, so a broken connector fails instead of hanging. */
  public static final int MAX_PAGES = 100_000;

  private StreamReading() {}

  /** Every remaining page of {@code reader}; does not close it. */
  public static List<Page> readAll(StreamReader reader) throws InterruptedException {
    return readAtMost(reader, MAX_PAGES);
  }

  /** Up to {@code pages} pages of {@code reader}; does not close it. */
  public static List<Page> readAtMost(StreamReader reader, int pages) throws InterruptedException {
    List<Page> read = new ArrayList<>();
    while (read.size() < pages) {
      Optional<Page> page = reader.next();
      if (page.isEmpty()) {
        return read;
      }
      read.add(page.get());
    }
    if (pages == MAX_PAGES) {
      throw new AssertionError("the reader did not end after " + MAX_PAGES + " pages");
    }
    return read;
  }
}
