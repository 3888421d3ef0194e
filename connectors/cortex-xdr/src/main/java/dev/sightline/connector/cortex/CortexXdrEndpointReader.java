package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.Page;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.cortex.CortexXdrWire.EndpointPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the endpoints stream with {@code get_endpoint}, sorted by {@code endpoint_id} ascending.
 * The API has no "id greater than" filter (its filter fields are {@code endpoint_id_list,
 * first_seen, last_seen, …} with {@code in/gte/lte/eq}), so the reader pages by offset and
 * re-derives its position from the last id it emitted: every page after the first starts one record
 * early, and that anchor record must be one already emitted. When it is not, endpoints before the
 * position were removed and the offset moved past unseen ones, so the reader steps back; records it
 * already emitted (endpoints added before the position) are dropped by id. Not thread-safe.
 */
final class CortexXdrEndpointReader implements StreamReader {

  /** Cortex's total_count of endpoints matching the filter, -1 until known. */
  private long vendorTotal = -1;

  private static final Logger LOG = LoggerFactory.getLogger(CortexXdrEndpointReader.class);
  private static final String NAME = CortexXdrStream.ENDPOINTS.spec().name();

  private final CortexXdrClient client;
  private final int limit;
  private CortexXdrCursor cursor;
  private boolean finished;

  CortexXdrEndpointReader(CortexXdrClient client, CortexXdrCursor start, int pageSize) {
    this.client = client;
    this.limit = Math.max(1, Math.min(pageSize, CortexXdrClient.MAX_ENDPOINTS_PER_CALL));
    this.cursor = start;
  }

  @Override
  public Optional<Page> next() throws InterruptedException {
    while (!finished) {
      if (Thread.interrupted()) {
        throw new InterruptedException("read of " + NAME + " cancelled");
      }
      boolean anchored = cursor.offset() > 0 && !cursor.lastId().isEmpty();
      long from = anchored ? cursor.offset() - 1 : cursor.offset();
      int size = Math.min(limit + (anchored ? 1 : 0), CortexXdrClient.MAX_ENDPOINTS_PER_CALL);
      EndpointPage page = client.endpoints(filters(), from, size);
      if (anchored && movedPastUnseen(page)) {
        stepBack();
        continue;
      }
      Optional<Page> emitted = accept(page, from, size);
      if (emitted.isPresent()) {
        return emitted;
      }
    }
    return Optional.empty();
  }

  /** The anchor is missing or was never emitted: endpoints before the position were removed. */
  private boolean movedPastUnseen(EndpointPage page) {
    if (page.endpoints().isEmpty()) {
      return true;
    }
    String anchor = CortexXdrEndpointFields.id(page.endpoints().get(0));
    return !anchor.isEmpty() && !cursor.covers(anchor);
  }

  private void stepBack() {
    long back = Math.max(0, cursor.offset() - limit);
    LOG.info(
        "Endpoints before offset {} changed during the read; stepping back to {}",
        cursor.offset(),
        back);
    cursor = cursor.at(back);
  }

  @Override
  public java.util.OptionalLong total() {
    return vendorTotal >= 0
        ? java.util.OptionalLong.of(vendorTotal)
        : java.util.OptionalLong.empty();
  }

  /** Emits the page's new endpoints, or nothing when all were already emitted and more follow. */
  private Optional<Page> accept(EndpointPage page, long from, int size) {
    vendorTotal = page.totalCount();
    List<JsonNode> fresh = new ArrayList<>(page.endpoints().size());
    String previous = "";
    for (int i = 0; i < page.endpoints().size(); i++) {
      JsonNode endpoint = page.endpoints().get(i);
      String id = CortexXdrEndpointFields.id(endpoint);
      requireOrder(previous, id);
      previous = id.isEmpty() ? previous : id;
      if (!id.isEmpty() && cursor.covers(id)) {
        continue;
      }
      fresh.add(endpoint instanceof ObjectNode o ? CortexXdrEndpointFields.derive(o) : endpoint);
      if (!id.isEmpty()) {
        cursor = cursor.after(id, from + i + 1, CortexXdrEndpointFields.lastSeen(endpoint));
      }
    }
    long next = from + page.endpoints().size();
    cursor = cursor.at(Math.max(next, cursor.offset()));
    finished =
        page.endpoints().size() < size || (page.totalCount() >= 0 && next >= page.totalCount());
    if (fresh.isEmpty() && !finished) {
      return Optional.empty();
    }
    return Optional.of(new Page(fresh, cursor.toCheckpoint(NAME, finished)));
  }

  private static void requireOrder(String previous, String id) {
    if (!previous.isEmpty() && !id.isEmpty() && id.compareTo(previous) < 0) {
      throw new UnexpectedResponseException(
          "Cortex XDR returned endpoints out of endpoint_id order ('"
              + previous
              + "' before '"
              + id
              + "') although the connector asked for endpoint_id ascending;"
              + " stopping rather than risk skipping endpoints");
    }
  }

  private ArrayNode filters() {
    return CortexXdrClient.lastSeenAtOrAfter(cursor.lastSeenFrom());
  }

  @Override
  public boolean fullSync() {
    return cursor.mode() == CortexXdrCursor.Mode.FULL;
  }

  @Override
  public void close() {
    finished = true;
  }
}
