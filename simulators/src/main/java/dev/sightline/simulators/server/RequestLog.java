package dev.sightline.simulators.server;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Requests a simulator received, oldest first, for assertions in tests (how many calls of a kind,
 * what each sent, what each got back). Keeps the last 200,000. Thread-safe.
 *
 * <p>Entries are recorded by {@link SimulatorServer}: an entry appears when its request arrives, in
 * arrival order, and takes its status when the response headers are sent (or 0 when the connection
 * is closed without a response), so a slow answer cannot reorder a test's view.
 */
public class RequestLog {
  private static final int CAPACITY = 200_000;

  /**
   * One request.
   *
   * @param query the raw (still URL-encoded) query string, empty when none
   * @param status the HTTP status sent, 0 when the connection was dropped without a response, or -1
   *     while the request is still being answered
   * @param at when it arrived, by the simulator's clock
   */
  public record Entry(String method, String path, String query, int status, Instant at) {
    /** The query decoded like a form ('+' as space), repeated parameters kept in order. */
    public Map<String, List<String>> parameters() {
      return FormEncoding.decode(query);
    }
  }

  /** A request's place in the log, taken when it arrives and completed when it is answered. */
  static final class Slot {
    private Entry entry;

    private Slot(Entry entry) {
      this.entry = entry;
    }
  }

  private final ArrayDeque<Slot> entries = new ArrayDeque<>();

  /** Simulators create their log; tests only read it. */
  protected RequestLog() {}

  static RequestLog create() {
    return new RequestLog();
  }

  synchronized Slot arrived(String method, String path, String query, Instant at) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    Slot slot = new Slot(new Entry(method, path, query, -1, at));
    entries.addLast(slot);
    return slot;
  }

  /** Records the status once; later calls for the same slot are ignored. */
  synchronized void answered(Slot slot, int status) {
    Entry e = slot.entry;
    if (e.status() == -1) {
      slot.entry = new Entry(e.method(), e.path(), e.query(), status, e.at());
    }
  }

  public synchronized List<Entry> entries() {
    return entries.stream().map(s -> s.entry).toList();
  }

  /** Entries for exactly this path, e.g. {@code /public_api/v1/endpoints/get_endpoint/}. */
  public synchronized List<Entry> entries(String path) {
    return entries().stream().filter(e -> e.path().equals(path)).toList();
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
