package dev.sightline.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.platform.ingest.AssetSnapshots;
import dev.sightline.platform.ingest.MappedPage;
import dev.sightline.platform.ingest.StreamTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The page reader that runs ahead of the commits: order, bounds, failures and stopping. */
class PageReadAheadTest {
  private static final Function<List<JsonNode>, MappedPage> NO_MAPPING =
      records ->
          new MappedPage(
              records.size(),
              List.of(),
              List.of(),
              List.of(),
              new StreamTally(records.size(), 0, 0, 0, 0, 0, 0),
              false,
              Map.of(),
              AssetSnapshots.NONE);

  /** A stream of numbered one-record pages; a page number in {@code failAt} throws instead. */
  private static final class NumberedPages implements StreamReader {
    private final int pages;
    private final int failAt;
    final AtomicInteger read = new AtomicInteger();

    NumberedPages(int pages, int failAt) {
      this.pages = pages;
      this.failAt = failAt;
    }

    @Override
    public Optional<Page> next() {
      int n = read.incrementAndGet();
      if (n == failAt) {
        throw new IllegalStateException("vendor failed on page " + n);
      }
      if (n > pages) {
        return Optional.empty();
      }
      return Optional.of(
          new Page(
              List.of(JsonNodeFactory.instance.numberNode(n)),
              new Checkpoint("s", 1, "page-" + n, n == pages)));
    }

    @Override
    public boolean fullSync() {
      return true;
    }

    @Override
    public void close() {}
  }

  private static PageReadAhead readAhead(StreamReader reader) {
    return new PageReadAhead(reader, NO_MAPPING, UUID.randomUUID(), new StageClock(), "test");
  }

  @Test
  void shouldHandOverEveryPageInStreamOrderThenTheEnd() throws Exception {
    List<String> states = new ArrayList<>();
    try (PageReadAhead pages = readAhead(new NumberedPages(7, -1))) {
      Optional<PageReadAhead.Prepared> page;
      while ((page = pages.next()).isPresent()) {
        states.add(page.get().checkpoint().state());
      }
      assertThat(pages.next()).isEmpty();
    }
    assertThat(states)
        .containsExactly("page-1", "page-2", "page-3", "page-4", "page-5", "page-6", "page-7");
  }

  @Test
  void shouldReadNoMoreThanItsDepthAheadOfTheCommits() throws Exception {
    NumberedPages reader = new NumberedPages(50, -1);
    try (PageReadAhead pages = readAhead(reader)) {
      assertThat(pages.next()).isPresent();
      // Give the reader every chance to run ahead; it can hold DEPTH pages and one in its hands.
      for (int i = 0; i < 50 && reader.read.get() < 1 + PageReadAhead.DEPTH + 1; i++) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      TimeUnit.MILLISECONDS.sleep(100);
      assertThat(reader.read.get()).isLessThanOrEqualTo(1 + PageReadAhead.DEPTH + 1);
    }
  }

  @Test
  void shouldDeliverThePagesReadBeforeAFailureThenTheFailureItself() throws Exception {
    try (PageReadAhead pages = readAhead(new NumberedPages(10, 4))) {
      assertThat(pages.next()).isPresent();
      assertThat(pages.next()).isPresent();
      assertThat(pages.next()).isPresent();
      assertThatThrownBy(pages::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("vendor failed on page 4");
      assertThat(pages.next()).isEmpty();
    }
  }

  @Test
  void shouldStopTheReaderWhenTheRunStopsTakingPages() throws Exception {
    NumberedPages reader = new NumberedPages(1_000_000, -1);
    PageReadAhead pages = readAhead(reader);
    pages.next();
    pages.close();
    int readAtClose = reader.read.get();
    TimeUnit.MILLISECONDS.sleep(100);
    assertThat(reader.read.get()).isEqualTo(readAtClose).isLessThan(10);
  }
}
