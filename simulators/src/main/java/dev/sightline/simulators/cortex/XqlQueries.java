package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.fleet.StableHash;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries started through {@code start_xql_query}. A query runs until a {@code get_query_results}
 * call reports it complete: the first one or two polls with {@code pending_flag: true} answer
 * PENDING (one or two, drawn per query), the next SUCCESS; {@code pending_flag: false} waits, so it
 * answers SUCCESS at once. A query nobody polls finishes on its own {@link #RUN_TIME} after it
 * started (by the clock), as a real one would. At most four queries run at a time. Results, and
 * their stream, expire an hour after the query started. Thread-safe.
 */
final class XqlQueries {
  static final int MAX_PARALLEL = 4;
  static final Duration TTL = Duration.ofHours(1);

  /** How long a query runs when nobody asks for its results. */
  static final Duration RUN_TIME = Duration.ofSeconds(30);

  /** Above this many rows the results are only available as a stream. */
  static final int INLINE_LIMIT = 1000;

  private static final long SALT = StableHash.salt("cx.xql-query");

  /** One query and what has been reported about it. */
  static final class Query {
    private final String id;
    private final XqlPlan plan;
    private final VaSnapshot snapshot;
    private final double cost;
    private final long startedMs;
    private int pendingLeft;
    private boolean completed;
    private long rows = -1;
    private List<Object[]> inline;
    private String streamId;

    private Query(
        String id, XqlPlan plan, VaSnapshot snapshot, double cost, long startedMs, int pending) {
      this.id = id;
      this.plan = plan;
      this.snapshot = snapshot;
      this.cost = cost;
      this.startedMs = startedMs;
      this.pendingLeft = pending;
    }

    String id() {
      return id;
    }

    XqlPlan plan() {
      return plan;
    }

    VaSnapshot snapshot() {
      return snapshot;
    }

    double cost() {
      return cost;
    }
  }

  /** A poll's answer: PENDING, or SUCCESS with the row count and either the rows or a stream id. */
  record Outcome(boolean pending, long rows, List<Object[]> inline, String streamId) {}

  private final long seed;
  private final Clock clock;
  private final Map<String, Query> byId = new HashMap<>();
  private final Map<String, Query> byStream = new HashMap<>();
  private long started;

  XqlQueries(long seed, Clock clock) {
    this.seed = seed;
    this.clock = clock;
  }

  /** Registers a query, or returns empty when four are already running. */
  synchronized Optional<Query> start(XqlPlan plan, VaSnapshot snapshot, double cost) {
    expire();
    if (running() >= MAX_PARALLEL) {
      return Optional.empty();
    }
    long n = ++started;
    long h = StableHash.of(seed, n, SALT);
    String id = CveCatalog.hex16(h).substring(0, 14) + "_" + n + "_inv";
    Query query = new Query(id, plan, snapshot, cost, clock.millis(), 1 + (int) (h >>> 63));
    byId.put(id, query);
    return Optional.of(query);
  }

  synchronized Optional<Query> find(String queryId) {
    expire();
    return Optional.ofNullable(byId.get(queryId));
  }

  synchronized Optional<Query> byStream(String streamId) {
    expire();
    return Optional.ofNullable(byStream.get(streamId));
  }

  /**
   * Answers one {@code get_query_results} poll; the first SUCCESS runs the query once to count it.
   */
  Outcome poll(Query query, boolean pendingFlag) {
    synchronized (this) {
      if (!finished(query) && pendingFlag && query.pendingLeft > 0) {
        query.pendingLeft--;
        return new Outcome(true, 0, List.of(), null);
      }
    }
    synchronized (query) {
      if (query.rows < 0) {
        List<Object[]> firstRows = new ArrayList<>();
        long[] count = {0};
        query.plan.run(
            query.snapshot,
            row -> {
              if (count[0]++ < INLINE_LIMIT) {
                firstRows.add(row);
              }
              return true;
            });
        query.rows = count[0];
        query.inline = count[0] <= INLINE_LIMIT ? List.copyOf(firstRows) : null;
      }
    }
    synchronized (this) {
      query.completed = true;
      if (query.inline == null && query.streamId == null) {
        query.streamId = streamId(query);
        byStream.put(query.streamId, query);
      }
      return new Outcome(
          false, query.rows, query.inline == null ? List.of() : query.inline, query.streamId);
    }
  }

  /** Queries started, not yet reported complete and not yet finished on their own. */
  synchronized int running() {
    expire();
    return (int) byId.values().stream().filter(q -> !finished(q)).count();
  }

  private boolean finished(Query query) {
    return query.completed || clock.millis() - query.startedMs >= RUN_TIME.toMillis();
  }

  private String streamId(Query query) {
    long h = StableHash.of(seed, query.startedMs, StableHash.salt(query.id));
    String hex = CveCatalog.hex32(h, StableHash.of(h, seed, SALT));
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  private void expire() {
    long cutoff = clock.millis() - TTL.toMillis();
    byId.values().removeIf(q -> q.startedMs <= cutoff);
    byStream.values().removeIf(q -> q.startedMs <= cutoff);
  }
}
