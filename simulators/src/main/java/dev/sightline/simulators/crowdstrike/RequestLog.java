package dev.sightline.simulators.crowdstrike;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Requests the simulator answered, oldest first, for assertions in tests (how many token calls,
 * which filters were sent, what each got back). Keeps the last 200,000. Thread-safe.
 */
public final class RequestLog {
  private static final int CAPACITY = 200_000;

  /**
   * One request.
   *
   * @param query the raw (still URL-encoded) query string, empty when none
   * @param status the HTTP status sent, 0 when the connection was dropped on purpose, or -1 while
   *     the request is still being answered
   * @param at when it arrived, by the simulator's clock (entries are in arrival order, so a slow
   *     answer still stands where its request came in)
   */
  public record Entry(String method, String path, String query, int status, Instant at) {
    /** The query decoded like a form ('+' as space), repeated parameters kept in order. */
    public Map<String, List<String>> parameters() {
      return HttpCall.decodeForm(query);
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

  RequestLog() {}

  synchronized Slot arrived(String method, String path, String query, Instant at) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    Slot slot = new Slot(new Entry(method, path, query, -1, at));
    entries.addLast(slot);
    return slot;
  }

  synchronized void answered(Slot slot, int status) {
    Entry e = slot.entry;
    slot.entry = new Entry(e.method(), e.path(), e.query(), status, e.at());
  }

  public synchronized List<Entry> entries() {
    return entries.stream().map(s -> s.entry).toList();
  }

  /** Entries for exactly this path, e.g. {@code /spotlight/combined/vulnerabilities/v1}. */
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
