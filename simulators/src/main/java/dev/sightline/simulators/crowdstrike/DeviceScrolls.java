package dev.sightline.simulators.crowdstrike;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side scrolls of {@code devices-scroll}: the token names a snapshot of the matching agents,
 * stays the same on every page, and dies {@link #TTL} after its last use (or once its last, empty
 * page was served). The token mimics the real one, which base64-decodes to an Elasticsearch scroll
 * id ({@code …include_context_uuid…queryThenFetch…}). Thread-safe.
 */
final class DeviceScrolls {
  static final Duration TTL = Duration.ofMinutes(2);
  private static final byte[] PREFIX =
      "\u0014include_context_uuid\u000equeryThenFetch\u0002\u0016"
          .getBytes(StandardCharsets.ISO_8859_1);

  /** One open scroll: the agents in order and how far the client has read. */
  static final class Scroll {
    private final int[] agents;
    private int position;
    private Instant expiresAt;

    private Scroll(int[] agents, Instant expiresAt) {
      this.agents = agents;
      this.expiresAt = expiresAt;
    }

    int total() {
      return agents.length;
    }
  }

  /** A page taken from a scroll; {@code last} when nothing was left. */
  record Page(int[] agents, int total, Instant expiresAt, boolean last) {}

  private final Clock clock;
  private final long seed;
  private final AtomicLong counter = new AtomicLong();
  private final ConcurrentHashMap<String, Scroll> open = new ConcurrentHashMap<>();

  DeviceScrolls(Clock clock, long seed) {
    this.clock = clock;
    this.seed = seed;
  }

  String open(int[] agents) {
    Instant now = clock.instant();
    if (open.size() > 1_000) {
      open.values().removeIf(s -> now.isAfter(s.expiresAt));
    }
    ByteBuffer id =
        ByteBuffer.allocate(PREFIX.length + 16)
            .put(PREFIX)
            .putLong(seed)
            .putLong(counter.incrementAndGet());
    String token = Base64.getEncoder().encodeToString(id.array());
    open.put(token, new Scroll(agents, now.plus(TTL)));
    return token;
  }

  /** The next {@code limit} agents of a live scroll; empty when the token is expired or unknown. */
  Optional<Page> next(String token, int limit) {
    Scroll scroll = open.get(token);
    if (scroll == null) {
      return Optional.empty();
    }
    synchronized (scroll) {
      Instant now = clock.instant();
      if (now.isAfter(scroll.expiresAt)) {
        open.remove(token);
        return Optional.empty();
      }
      int from = scroll.position;
      int to = Math.min(scroll.agents.length, from + limit);
      scroll.position = to;
      scroll.expiresAt = now.plus(TTL);
      if (from == to) {
        open.remove(token); // the vendor's last call: resources [], offset "", total 0
        return Optional.of(new Page(new int[0], 0, scroll.expiresAt, true));
      }
      int[] page = new int[to - from];
      System.arraycopy(scroll.agents, from, page, 0, page.length);
      return Optional.of(new Page(page, scroll.agents.length, scroll.expiresAt, false));
    }
  }
}
