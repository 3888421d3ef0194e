package dev.sightline.simulators.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule that one request (as its signature names it) never gets a third random fault in a row,
 * so a retrying client always gets through. Remembers the most recent 10 000 signatures, enough for
 * any client's retries, in bounded memory. Not thread-safe: the owning fault plan locks.
 */
public final class FaultStreaks {
  private static final int MAX_IN_A_ROW = 2;
  private static final int REMEMBERED = 10_000;

  private final Map<String, Integer> consecutive =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** Whether the request may get another random fault. */
  public boolean mayFault(String signature) {
    return consecutive.getOrDefault(signature, 0) < MAX_IN_A_ROW;
  }

  /** Counts a random fault for the request, or ends its streak when it got through. */
  public void record(String signature, boolean faulted) {
    if (faulted) {
      consecutive.merge(signature, 1, Integer::sum);
    } else {
      consecutive.remove(signature);
    }
  }

  public void clear() {
    consecutive.clear();
  }
}
