package dev.sightline.connector.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.SearchContextExpiredException;
import dev.sightline.connector.crowdstrike.CrowdStrikeCursor.Position;
import dev.sightline.connector.crowdstrike.CrowdStrikeWire.QueryPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one timestamp-ordered stream (hosts or vulnerabilities) page by page. Between consecutive
 * {@link #next} calls it follows the vendor's live {@code after} cursor; when that cursor has
 * expired, or on a resumed read, it starts a new query at the last emitted record's timestamp and
 * skips the records it already emitted. Not thread-safe, like every {@link StreamReader}.
 */
final class CrowdStrikeStreamReader implements StreamReader {

  /** The vendor's total for the current query (meta.pagination.total), -1 until known. */
  private long vendorTotal = -1;

  private static final Logger LOG = LoggerFactory.getLogger(CrowdStrikeStreamReader.class);

  /** Re-derivations in a row without progress before giving up; each costs one request. */
  private static final int MAX_REDERIVATIONS = 3;

  private final CrowdStrikeStream stream;
  private final CrowdStrikeClient client;
  private final int limit;
  private final CrowdStrikeSourceFilters filters;
  private final String scope;
  private CrowdStrikeCursor cursor;
  private Instant queryFrom;
  private String after = "";
  private long seenInQuery;
  private boolean finished;

  CrowdStrikeStreamReader(
      CrowdStrikeStream stream,
      CrowdStrikeClient client,
      CrowdStrikeCursor start,
      int pageSize,
      CrowdStrikeSourceFilters filters) {
    this(stream, client, start, pageSize, filters, "");
  }

  /**
   * A reader of the records that also match {@code scope}, an FQL clause ANDed to every query (a
   * sample's hosts); "" for none.
   */
  CrowdStrikeStreamReader(
      CrowdStrikeStream stream,
      CrowdStrikeClient client,
      CrowdStrikeCursor start,
      int pageSize,
      CrowdStrikeSourceFilters filters,
      String scope) {
    this.stream = stream;
    this.filters = filters;
    this.scope = scope;
    this.client = client;
    this.limit = stream.limit(pageSize);
    this.cursor = start;
    this.queryFrom = start.resumeFrom();
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    if (finished) {
      return Optional.empty();
    }
    int rederived = 0;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("read of " + stream.spec().name() + " cancelled");
      }
      QueryPage page;
      try {
        page =
            client.query(
                stream,
                new Query(
                    CrowdStrikeFql.and(stream.filterFrom(queryFrom, filters), scope),
                    stream.sort(),
                    limit,
                    after));
      } catch (SearchContextExpiredException e) {
        rederived = rederive(rederived, e);
        continue;
      }
      Optional<Page> emitted = accept(page);
      if (emitted.isPresent()) {
        return emitted;
      }
    }
  }

  @Override
  public java.util.OptionalLong total() {
    return vendorTotal >= 0
        ? java.util.OptionalLong.of(vendorTotal)
        : java.util.OptionalLong.empty();
  }

  /** Emits the page's new records, or nothing when all were already emitted and more follow. */
  private Optional<Page> accept(QueryPage page) {
    seenInQuery += page.resources().size();
    vendorTotal = page.total();
    List<JsonNode> fresh = new ArrayList<>(page.resources().size());
    for (JsonNode record : page.resources()) {
      Optional<Position> at = CrowdStrikeCursor.positionOf(record, stream.timestampField());
      if (at.isPresent() && cursor.covers(at.get())) {
        continue;
      }
      fresh.add(record);
      if (at.isPresent()) {
        cursor = cursor.after(at.get());
      }
    }
    boolean last =
        page.after().isEmpty()
            || page.resources().isEmpty()
            || (page.total() >= 0 && seenInQuery >= page.total());
    if (!last && page.after().equals(after)) {
      throw new UnexpectedResponseException(
          "CrowdStrike returned the same page cursor twice on "
              + stream.path()
              + "; stopping instead of looping");
    }
    int skipped = page.resources().size() - fresh.size();
    if (skipped > 0) {
      LOG.debug(
          "Skipped {} {} records already emitted before {}",
          skipped,
          stream.spec().name(),
          cursor.position());
    }
    after = last ? "" : page.after();
    finished = last;
    if (fresh.isEmpty() && !last) {
      return Optional.empty();
    }
    return Optional.of(new Page(fresh, cursor.toCheckpoint(stream.spec().name(), last)));
  }

  /** Starts a new query at the last emitted record, because the vendor forgot the old one. */
  private int rederive(int rederivedSoFar, SearchContextExpiredException expired) {
    if (rederivedSoFar >= MAX_REDERIVATIONS || after.isEmpty()) {
      throw new UnexpectedResponseException(
          "CrowdStrike kept answering 'Search context expired' on "
              + stream.path()
              + " for a fresh query; "
              + expired.getMessage());
    }
    LOG.info(
        "CrowdStrike cursor for {} expired; resuming at {}",
        stream.spec().name(),
        cursor.position());
    queryFrom = cursor.resumeFrom();
    after = "";
    seenInQuery = 0;
    return rederivedSoFar + 1;
  }

  @Override
  public boolean fullSync() {
    return cursor.mode() == CrowdStrikeCursor.Mode.FULL;
  }

  @Override
  public void close() {
    finished = true;
  }
}
