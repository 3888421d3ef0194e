package dev.sightline.platform.intel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly under a limit of so many per window: NVD allows 5 requests in a rolling 30
 * seconds without an API key and 50 with one, and asks clients to pause between requests rather
 * than burst. Remembers the last request across updates, so back-to-back updates keep the pace.
 * Thread-safe.
 */
final class RequestPacer implements FeedHttp.Pacing {
  private static final Duration WINDOW = Duration.ofSeconds(30);

  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant last;

  RequestPacer(int requestsPerWindow, Clock clock, Sleeper sleeper) {
    if (requestsPerWindow < 1) {
      throw new IllegalArgumentException("at least one request per window");
    }
    this.interval = WINDOW.dividedBy(requestsPerWindow);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** NVD's published limits: 5 requests per 30 s without a key, 50 with one. */
  static RequestPacer forNvd(boolean withApiKey, Clock clock, Sleeper sleeper) {
    return new RequestPacer(withApiKey ? 50 : 5, clock, sleeper);
  }

  Duration interval() {
    return interval;
  }

  /** Waits until the next request is within the limit, then counts it as sent. */
  @Override
  public synchronized void awaitTurn() throws InterruptedException {
    if (last != null) {
      Duration wait = Duration.between(clock.instant(), last.plus(interval));
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    }
    last = clock.instant();
  }
}
