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
   * @param status the HTTP status sent, or 0 when the connection was dropped on purpose
   * @param at when it was answered, by the simulator's clock
   */
  public record Entry(String method, String path, String query, int status, Instant at) {
    /** The query decoded like a form ('+' as space), repeated parameters kept in order. */
    public Map<String, List<String>> parameters() {
      return HttpCall.decodeForm(query);
    }
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  RequestLog() {}

  synchronized void record(Entry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Entries for exactly this path, e.g. {@code /spotlight/combined/vulnerabilities/v1}. */
  public synchronized List<Entry> entries(String path) {
    return entries.stream().filter(e -> e.path().equals(path)).toList();
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
