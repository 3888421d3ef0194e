package dev.sightline.simulators.server;

/**
 * The status of the next injected server error: 500, then 503, alternating over the run, so a
 * client sees both. Not thread-safe: the owning fault plan locks.
 */
public final class AlternatingServerError {
  private int served;

  public int nextStatus() {
    return served++ % 2 == 0 ? 500 : 503;
  }
}
